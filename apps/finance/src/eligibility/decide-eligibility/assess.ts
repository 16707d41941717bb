import { EligibilityRule, evaluateEligibility } from '@gec/domain';

export interface Assessment {
  eligible: boolean;
  reasons: string[];
  conditionsMet: boolean[];
}

/**
 * The domain's decision plus which conditions hold. The reasons quote the rating (grade 2 -> grade 1 rewords them),
 * so decisions are compared on the conditions, each one evaluated on its own by the same domain rule.
 */
export function assess(rule: EligibilityRule, rating: { grade: number; level: string }): Assessment {
  const { eligible, reasons } = evaluateEligibility(rule, rating);
  const conditionsMet = rule.conditions.map((condition) => evaluateEligibility({ conditions: [condition] }, rating).eligible);
  return { eligible, reasons, conditionsMet };
}
