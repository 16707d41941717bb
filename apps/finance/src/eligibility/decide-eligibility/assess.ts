import { EligibilityRule, evaluateEligibility, WithdrawnRatingFacts } from '@gec/domain';

export interface Assessment {
  eligible: boolean;
  reasons: string[];
  conditionsMet: boolean[];
}

/**
 * The domain's decision plus which conditions hold. The reasons quote the rating (grade 2 -> grade 1 rewords them),
 * so decisions are compared on the conditions, each one evaluated on its own by the same domain rule.
 */
export function assess(rule: EligibilityRule, rating: { grade: number; level: string } | WithdrawnRatingFacts): Assessment {
  const { eligible, reasons } = evaluateEligibility(rule, rating);
  // A withdrawn rating meets no condition (there is no grade or level to meet them with).
  if ('withdrawn' in rating) return { eligible, reasons, conditionsMet: rule.conditions.map(() => false) };
  const conditionsMet = rule.conditions.map((condition) => evaluateEligibility({ conditions: [condition] }, rating).eligible);
  return { eligible, reasons, conditionsMet };
}
