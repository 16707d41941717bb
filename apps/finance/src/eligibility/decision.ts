import { Rated } from '@gec/contracts';
import { EligibilityRule } from '@gec/domain';

/** The rating a decision rests on. */
export interface DecisionRating {
  grade: number;
  level: Rated['level'];
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
  /** Null when the rating it rested on was withdrawn with its report (not eligible; the reason names the withdrawal). */
  rating: DecisionRating | null;
  decidedAt: string;
  /** The rating-changed event that led to this decision. */
  causingEventId: string;
}

/**
 * basis: the same decision re-affirmed on a newer rating (no event: banks are told only of changed decisions).
 * rating-withdrawn / rating-reinstated: the rating it rests on was withdrawn with its report, or is back.
 */
export type DecisionChange = 'first' | 'eligible' | 'conditions' | 'basis' | 'rating-withdrawn' | 'rating-reinstated';

/** One decision as it was taken, kept for audit: what changed, when, on which rating and rule, and why. */
export interface DecisionHistoryEntry extends Omit<Decision, 'uscc' | 'product' | 'regionCode'> {
  changed: DecisionChange[];
  previouslyEligible: boolean | null;
  rule: EligibilityRule;
  /** The eligibility-changed event published for it; null when the decision was only re-affirmed. */
  eventId: string | null;
}
