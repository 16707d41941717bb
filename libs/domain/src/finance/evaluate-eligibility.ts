import { EligibilityCondition, EligibilityRule } from './eligibility-rule';

export interface EligibilityDecision {
  eligible: boolean;
  /** One plain sentence per condition, met or failed. */
  reasons: string[];
}

type RatingFacts = { grade: number; level: string };

function check(condition: EligibilityCondition, rating: RatingFacts): { met: boolean; reason: string } {
  switch (condition.field) {
    case 'grade': {
      const met = rating.grade <= condition.value;
      const relation = met ? 'meets' : 'is worse than';
      return { met, reason: `carbon-efficiency grade ${rating.grade} ${relation} the required ${condition.value} or better` };
    }
    case 'level': {
      const met = !condition.value.includes(rating.level);
      const reason = met
        ? `carbon level ${rating.level} is allowed (excluded: ${condition.value.join(', ')})`
        : `carbon level ${rating.level} is excluded`;
      return { met, reason };
    }
    default: {
      const unknown: never = condition;
      throw new RangeError(`unknown eligibility condition ${JSON.stringify(unknown)}`);
    }
  }
}

/** The rating of a period whose report was withdrawn: there is no grade to decide on. */
export type WithdrawnRatingFacts = { withdrawn: true; period: string };

export function evaluateEligibility(rule: EligibilityRule, rating: RatingFacts | WithdrawnRatingFacts | undefined): EligibilityDecision {
  if (!rating) return { eligible: false, reasons: ['no rating yet'] };
  if ('withdrawn' in rating) return { eligible: false, reasons: [`no current rating: the rating for ${rating.period} was withdrawn with its report`] };
  const results = rule.conditions.map((c) => check(c, rating));
  return { eligible: results.every((r) => r.met), reasons: results.map((r) => r.reason) };
}
