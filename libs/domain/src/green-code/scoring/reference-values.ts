import { Direction, GREEN_INDICATORS, GreenIndicatorId, GreenMethodology, ReferencePair } from '../methodology/green-methodology';
import { GreenIndicatorValues } from '../indicators/green-indicators';

export type References = Record<GreenIndicatorId, ReferencePair | null>;

/** The p-th percentile (0-100) of values, interpolating linearly between ranked values (Hyndman-Fan type 7). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The p-th percentile of performance (100 = best): for a lower-is-better indicator, the (100 - p)-th of the values. */
export const performancePercentile = (values: readonly number[], p: number, direction: Direction): number =>
  percentile(values, direction === 'lower-is-better' ? 100 - p : p);

function tableReference(byIndustry: Readonly<Record<string, Readonly<Partial<Record<GreenIndicatorId, ReferencePair>>>>>, industryCode: string, id: GreenIndicatorId): ReferencePair | null {
  const prefixes = Object.keys(byIndustry)
    .filter((prefix) => industryCode.startsWith(prefix) && byIndustry[prefix][id])
    .sort((a, b) => b.length - a.length);
  return prefixes.length > 0 ? byIndustry[prefixes[0]][id]! : null;
}

/**
 * Baseline and leading values for each indicator: from the methodology's table (the longest industry-code prefix
 * that has the indicator) or from the cohort's distribution (null where fewer values than the methodology's minimum).
 */
export function referenceValues(methodology: GreenMethodology, industryCode: string, cohort: readonly GreenIndicatorValues[]): References {
  const rule = methodology.references;
  const out = {} as References;
  for (const id of GREEN_INDICATORS) {
    if (rule.mode === 'table') {
      out[id] = tableReference(rule.byIndustry, industryCode, id);
      continue;
    }
    const values = cohort.map((v) => v[id]).filter((v): v is number => v !== null);
    const direction = methodology.directions[id];
    out[id] =
      values.length < rule.minimumValues
        ? null
        : { baseline: performancePercentile(values, rule.baselinePercentile, direction), leading: performancePercentile(values, rule.leadingPercentile, direction) };
  }
  return out;
}
