/** One condition of a product's rule; add a variant here and a case in evaluateEligibility to extend. */
export type EligibilityCondition =
  | { field: 'grade'; op: 'lte'; value: number }
  | { field: 'level'; op: 'notIn'; value: string[] };

export interface EligibilityRule {
  conditions: EligibilityCondition[];
}

/** Seed rule for a green loan: grade 3 or better, not a high-carbon enterprise. */
export const GREEN_LOAN_DEFAULT_RULE: EligibilityRule = {
  conditions: [
    { field: 'grade', op: 'lte', value: 3 },
    { field: 'level', op: 'notIn', value: ['high'] },
  ],
};
