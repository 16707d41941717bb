import { RatingChanged } from '@gec/contracts';
import { EligibilityRule } from '@gec/domain';

/** The rating a decision rests on. */
export interface DecisionRating {
  grade: number;
  level: RatingChanged['level'];
  period: string;
  methodologyVersion: string;
}

/** An enterprise's current eligibility for one product. */
export interface Decision {
  uscc: string;
  product: string;
  /** The enterprise's region as its rating reported it; a regulator sees the decision only within its region. */
  regionCode?: string;
  eligible: boolean;
  reasons: string[];
  /** Which of the rule's conditions hold, in the rule's order: with `eligible`, what makes the decision. */
  conditionsMet: boolean[];
  rating: DecisionRating;
  decidedAt: string;
  /** The rating-changed event that led to this decision. */
  causingEventId: string;
}

/** basis: the same decision re-affirmed on a newer rating (no event: banks are told only of changed decisions). */
export type DecisionChange = 'first' | 'eligible' | 'conditions' | 'basis';

/** One decision as it was taken, kept for audit: what changed, when, on which rating and rule, and why. */
export interface DecisionHistoryEntry extends Omit<Decision, 'uscc' | 'product' | 'regionCode'> {
  changed: DecisionChange[];
  previouslyEligible: boolean | null;
  rule: EligibilityRule;
  /** The eligibility-changed event published for it; null when the decision was only re-affirmed. */
  eventId: string | null;
}
