/**
 * Who may see an industry's separate totals. With fewer than a handful of members, an enterprise could subtract its
 * own figures from the totals and learn a competitor's; the intensity alone (one ratio) does not reveal them.
 */
export const BENCHMARK_DISCLOSURE_RULE = {
  version: 'threshold-3',
  minimumEnterprises: 3,
  source:
    'Statistical disclosure control, minimum-frequency (threshold) rule: aggregates of fewer than 3 contributors are not released to contributors (as in national statistics offices\' practice).',
} as const;

export function totalsDisclosableToMembers(enterpriseCount: number, rule: { minimumEnterprises: number } = BENCHMARK_DISCLOSURE_RULE): boolean {
  return enterpriseCount >= rule.minimumEnterprises;
}
