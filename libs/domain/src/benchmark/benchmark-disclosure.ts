import { benchmarkFigures, BenchmarkFigures, BenchmarkTotals } from './industry-benchmark';

/**
 * Who may see figures derived from an industry's members. Below a minimum cohort, an enterprise could take its own
 * figures out of the totals (or out of the ratio, with one other member) and learn a competitor's; so below it no
 * figure is shown to anyone but those entitled to every contributor's data: an administrator, or a regulator whose
 * region holds every contributor.
 */
export const BENCHMARK_DISCLOSURE_RULE = {
  version: 'threshold-3',
  minimumEnterprises: 3,
  source:
    'Statistical disclosure control, minimum-frequency (threshold) rule: aggregates of fewer than 3 contributors are not released (as in national statistics offices\' practice).',
} as const;

export function totalsDisclosableToMembers(enterpriseCount: number, rule: { minimumEnterprises: number } = BENCHMARK_DISCLOSURE_RULE): boolean {
  return enterpriseCount >= rule.minimumEnterprises;
}

export type BenchmarkViewer = { role: 'admin' } | { role: 'regulator'; region: string } | { role: 'enterprise' | 'bank' };

export interface BenchmarkView {
  enterpriseCount: number;
  /** Null when withheld. */
  figures: Omit<BenchmarkFigures, 'enterpriseCount'> | null;
  /** Why the figures are withheld, naming the rule. */
  withheld?: string;
  /** A regulator's own region's share of the industry (its members only), whatever their number. */
  jurisdiction?: { region: string } & BenchmarkFigures;
}

/** What a viewer may see of a benchmark under the minimum-cohort rule (`minimumEnterprises` configurable). */
export function benchmarkView(totals: BenchmarkTotals, viewer: BenchmarkViewer, minimumEnterprises: number = BENCHMARK_DISCLOSURE_RULE.minimumEnterprises): BenchmarkView {
  const { enterpriseCount, ...figures } = benchmarkFigures(totals);
  const own = viewer.role === 'regulator' ? totals.regions?.[viewer.region] : undefined;
  const entitled = viewer.role === 'admin' || (own !== undefined && own.enterpriseCount === totals.enterpriseCount);
  const view: BenchmarkView = entitled || totalsDisclosableToMembers(enterpriseCount, { minimumEnterprises })
    ? { enterpriseCount, figures }
    : { enterpriseCount, figures: null, withheld: `fewer than ${minimumEnterprises} enterprises contribute (${BENCHMARK_DISCLOSURE_RULE.version}: ${BENCHMARK_DISCLOSURE_RULE.source})` };
  if (viewer.role === 'regulator') {
    view.jurisdiction = { region: viewer.region, ...benchmarkFigures(own ?? { enterpriseCount: 0, co2Milli: 0, valueAddedMilli: 0 }) };
  }
  return view;
}
