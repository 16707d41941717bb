import { BENCHMARK_DISCLOSURE_RULE } from '@gec/domain';
import { ExpectedState } from './expected-state';

/** What the platform serves for one enterprise and period's indicators (metrics' GET; undefined when 404). */
export interface ObservedIndicators {
  revision: number;
  valueAdded: number;
  energyTce: number;
  co2Tonnes: number;
  energyIntensity: number;
  carbonIntensity: number;
  factorTableVersion: string;
}

/** The platform's default minimum cohort (DISCLOSURE_MIN_COHORT). */
const MINIMUM_COHORT = BENCHMARK_DISCLOSURE_RULE.minimumEnterprises;

export interface ObservedBenchmark {
  version: number;
  enterpriseCount: number;
  totalCo2Tonnes: number | null;
  totalValueAdded: number | null;
  carbonIntensity: number;
}

export interface ObservedRating {
  grade: number;
  level: string;
  /** Null when withheld from the caller (a benchmark of fewer than the minimum cohort). */
  k: number | null;
  benchmarkVersion: number;
  methodology: { version: string };
  industryCarbonIntensity?: number;
  indicatorsRevision?: number;
}

export interface ObservedEligibility {
  eligible: boolean;
  rating: { period: string; grade: number; level: string } | null;
}

/** Keys: `<uscc>/<period>` for indicators and ratings, `<division>/<period>` for benchmarks, `<uscc>/<product>` for eligibility. */
export interface ObservedState {
  indicators: Map<string, ObservedIndicators | undefined>;
  benchmarks: Map<string, ObservedBenchmark | undefined>;
  ratings: Map<string, ObservedRating | undefined>;
  eligibility: Map<string, ObservedEligibility | undefined>;
}

export type FindingKind = 'lost' | 'wrong';
export type FindingSubject = 'indicators' | 'benchmark' | 'rating' | 'eligibility' | 'report' | 'decision-event';

export interface Finding {
  kind: FindingKind;
  subject: FindingSubject;
  key: string;
  detail: string;
}

export interface Verdict {
  /** How many values were compared (each indicators, benchmark, rating and decision counts once). */
  checked: number;
  lost: Finding[];
  wrong: Finding[];
}

/** Relative tolerance for figures: the same inputs through the same functions, allowing for another summing order. */
export const FIGURE_TOLERANCE = 1e-9;

export function sameFigure(actual: number | null | undefined, expected: number, tolerance = FIGURE_TOLERANCE): boolean {
  if (typeof actual !== 'number' || !Number.isFinite(actual)) return false;
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/**
 * Compares what the platform serves with what it must serve. Missing values and values of an older revision or of
 * fewer members are "lost" (an input never took effect); anything present with other values is "wrong". A rating
 * must also rest on the benchmark version metrics serves now.
 */
export function compareState(expected: ExpectedState, observed: ObservedState): Verdict {
  const lost: Finding[] = [];
  const wrong: Finding[] = [];
  const add = (kind: FindingKind, subject: FindingSubject, key: string, detail: string) => (kind === 'lost' ? lost : wrong).push({ kind, subject, key, detail });
  let checked = 0;

  for (const e of expected.indicators) {
    const key = `${e.uscc}/${e.period}`;
    checked++;
    const o = observed.indicators.get(key);
    if (!o) add('lost', 'indicators', key, `no indicators (expected revision ${e.revision})`);
    else if (o.revision < e.revision) add('lost', 'indicators', key, `revision ${o.revision} served, revision ${e.revision} never took effect`);
    else if (o.revision > e.revision) add('wrong', 'indicators', key, `revision ${o.revision} served, but the last accepted revision is ${e.revision}`);
    else {
      const bad = differences(o, e, ['valueAdded', 'energyTce', 'co2Tonnes', 'energyIntensity', 'carbonIntensity']);
      if (o.factorTableVersion !== e.factorTableVersion) bad.push(`factorTableVersion ${o.factorTableVersion} != ${e.factorTableVersion}`);
      if (bad.length) add('wrong', 'indicators', key, bad.join('; '));
    }
  }

  for (const e of expected.benchmarks) {
    const key = `${e.industryDivision}/${e.period}`;
    checked++;
    const o = observed.benchmarks.get(key);
    if (!o) add('lost', 'benchmark', key, `no benchmark (expected ${e.enterpriseCount} members)`);
    else if (o.enterpriseCount < e.enterpriseCount) add('lost', 'benchmark', key, `${o.enterpriseCount} members, expected ${e.enterpriseCount}`);
    else if (o.enterpriseCount > e.enterpriseCount) add('wrong', 'benchmark', key, `${o.enterpriseCount} members, expected ${e.enterpriseCount}`);
    else {
      const bad = differences(o, e, ['carbonIntensity']);
      if (o.totalCo2Tonnes !== null) bad.push(...differences(o, e, ['totalCo2Tonnes', 'totalValueAdded']));
      if (bad.length) add('wrong', 'benchmark', key, bad.join('; '));
    }
  }

  const revisionOf = new Map(expected.indicators.map((i) => [`${i.uscc}/${i.period}`, i.revision]));
  for (const e of expected.ratings) {
    const key = `${e.uscc}/${e.period}`;
    checked++;
    const o = observed.ratings.get(key);
    if (!o) {
      add('lost', 'rating', key, 'no rating');
      continue;
    }
    const bad: string[] = [];
    if (o.grade !== e.grade) bad.push(`grade ${o.grade} != ${e.grade}`);
    if (o.level !== e.level) bad.push(`level ${o.level} != ${e.level}`);
    const benchmark = observed.benchmarks.get(`${e.industryDivision}/${e.period}`);
    if (o.k === null) {
      // Withheld from an enterprise's own read: right only while its benchmark counts fewer than the minimum cohort.
      if (!benchmark || benchmark.enterpriseCount >= MINIMUM_COHORT) bad.push(`k withheld although the benchmark counts ${benchmark?.enterpriseCount} enterprises`);
    } else {
      if (!sameFigure(o.k, e.k)) bad.push(`k ${o.k} != ${e.k}`);
      if (o.industryCarbonIntensity !== undefined && !sameFigure(o.industryCarbonIntensity, e.industryCarbonIntensity)) {
        bad.push(`industryCarbonIntensity ${o.industryCarbonIntensity} != ${e.industryCarbonIntensity}`);
      }
    }
    if (o.methodology?.version !== e.methodologyVersion) bad.push(`methodology ${o.methodology?.version} != ${e.methodologyVersion}`);
    if (o.indicatorsRevision !== undefined && o.indicatorsRevision !== revisionOf.get(key)) bad.push(`rated on revision ${o.indicatorsRevision}, expected ${revisionOf.get(key)}`);
    if (benchmark && o.benchmarkVersion !== benchmark.version) bad.push(`rated against benchmark version ${o.benchmarkVersion}, metrics serves version ${benchmark.version}`);
    if (bad.length) add('wrong', 'rating', key, bad.join('; '));
  }

  for (const e of expected.eligibility) {
    const key = `${e.uscc}/${e.product}`;
    checked++;
    const o = observed.eligibility.get(key);
    if (!o) add('lost', 'eligibility', key, `no decision (expected eligible ${e.eligible} on ${e.period})`);
    else if (!o.rating || o.rating.period < e.period) add('lost', 'eligibility', key, `decided on ${o.rating?.period ?? 'no rating'}, the rating of ${e.period} never reached it`);
    else {
      const bad: string[] = [];
      if (o.eligible !== e.eligible) bad.push(`eligible ${o.eligible} != ${e.eligible}`);
      if (o.rating.period !== e.period) bad.push(`on period ${o.rating.period}, expected ${e.period}`);
      if (o.rating.grade !== e.grade) bad.push(`on grade ${o.rating.grade}, expected ${e.grade}`);
      if (o.rating.level !== e.level) bad.push(`on level ${o.rating.level}, expected ${e.level}`);
      if (bad.length) add('wrong', 'eligibility', key, bad.join('; '));
    }
  }
  return { checked, lost, wrong };
}

function differences<K extends string>(observed: Partial<Record<K, number | null>>, expected: Record<K, number>, fields: K[]): string[] {
  return fields.filter((f) => !sameFigure(observed[f], expected[f])).map((f) => `${f} ${observed[f]} != ${expected[f]}`);
}

/** One line per finding (at most `limit`), for a failure message a human can act on. */
export function describeVerdict(verdict: Verdict, limit = 20): string {
  const findings = [...verdict.lost, ...verdict.wrong];
  const head = `${verdict.checked} checked: ${verdict.lost.length} lost, ${verdict.wrong.length} wrong`;
  if (findings.length === 0) return head;
  const lines = findings.slice(0, limit).map((f) => `  ${f.kind} ${f.subject} ${f.key}: ${f.detail}`);
  if (findings.length > limit) lines.push(`  ... and ${findings.length - limit} more`);
  return [head, ...lines].join('\n');
}
