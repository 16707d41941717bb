import type { ServiceName } from '../platform-processes';
import { ExpectedState, normalizeReport, OracleReport } from '../oracle/expected-state';
import { Finding, ObservedBenchmark, ObservedEligibility, ObservedIndicators, ObservedRating, ObservedState, sameFigure } from '../oracle/compare-state';

export interface ObserveOptions {
  urls: Record<ServiceName, string>;
  /** Whose token reads an enterprise's data: the enterprise's own (not recorded) or an administrator's. */
  headers: (uscc: string) => Promise<Record<string, string>>;
  /** Whose token reads benchmarks: an administrator's, since a small cohort's figures are withheld from members. */
  adminHeaders: () => Promise<Record<string, string>>;
  concurrency?: number;
}

/** What the platform serves, through its APIs, for everything the expectation names. */
export async function observePlatform(expected: ExpectedState, options: ObserveOptions): Promise<ObservedState> {
  const { urls, headers } = options;
  const limit = limiter(options.concurrency ?? 8);
  const observed: ObservedState = { indicators: new Map(), benchmarks: new Map(), ratings: new Map(), eligibility: new Map() };
  await Promise.all([
    ...expected.indicators.map((i) =>
      limit(async () => {
        observed.indicators.set(`${i.uscc}/${i.period}`, await getJson<ObservedIndicators>(`${urls.metrics}/v1/enterprises/${i.uscc}/indicators/${i.period}`, await headers(i.uscc)));
      }),
    ),
    ...expected.benchmarks.map((b) =>
      limit(async () => {
        const key = `${b.industryDivision}/${b.period}`;
        observed.benchmarks.set(key, await getJson<ObservedBenchmark>(`${urls.metrics}/v1/benchmarks/${b.industryDivision}/${b.period}`, await options.adminHeaders()));
      }),
    ),
    ...expected.ratings.map((r) =>
      limit(async () => {
        observed.ratings.set(`${r.uscc}/${r.period}`, await getJson<ObservedRating>(`${urls.rating}/v1/ratings/${r.uscc}?period=${r.period}`, await headers(r.uscc)));
      }),
    ),
    ...expected.eligibility.map((e) =>
      limit(async () => {
        observed.eligibility.set(`${e.uscc}/${e.product}`, await getJson<ObservedEligibility>(`${urls.finance}/v1/eligibility/${e.uscc}?product=${encodeURIComponent(e.product)}`, await headers(e.uscc)));
      }),
    ),
  ]);
  return observed;
}

interface IntakeReport {
  revision: number;
  valueAdded: number;
  energy: Array<{ carrier: string; quantity: number; unit: string }>;
  ownRenewableElectricityKwh: number;
}

/**
 * Intake's latest revision of each report must be the last one acknowledged, with the figures sent (in canonical
 * units): otherwise a retried or reordered submission overwrote a newer one.
 */
export async function checkIntakeReports(reports: OracleReport[], options: ObserveOptions): Promise<Finding[]> {
  const limit = limiter(options.concurrency ?? 8);
  const findings: Finding[] = [];
  await Promise.all(
    reports.map((r) =>
      limit(async () => {
        const key = `${r.uscc}/${r.body.period}`;
        const served = await getJson<IntakeReport>(`${options.urls.intake}/v1/enterprises/${r.uscc}/reports/${r.body.period}`, await options.headers(r.uscc));
        if (!served) return void findings.push({ kind: 'lost', subject: 'report', key, detail: `intake has no report (revision ${r.revision} was acknowledged)` });
        const sent = normalizeReport(r.body);
        const bad: string[] = [];
        if (served.revision !== r.revision) bad.push(`latest revision ${served.revision}, last acknowledged ${r.revision}`);
        if (!sameFigure(served.valueAdded, sent.valueAdded)) bad.push(`valueAdded ${served.valueAdded} != ${sent.valueAdded}`);
        if (!sameFigure(served.ownRenewableElectricityKwh, sent.ownRenewableElectricityKwh)) bad.push('own renewable electricity differs');
        const energy = (list: Array<{ carrier: string; quantity: number }>) => list.map((e) => `${e.carrier}:${e.quantity}`).sort().join(',');
        if (energy(served.energy) !== energy(sent.energy)) bad.push(`energy ${energy(served.energy)} != ${energy(sent.energy)}`);
        if (bad.length) findings.push({ kind: 'wrong', subject: 'report', key, detail: bad.join('; ') });
      }),
    ),
  );
  return findings;
}

/** GET as JSON: the body on 200, undefined on 404, an error otherwise (so a poll retries and a final check fails). */
export async function getJson<T>(url: string, headers: Record<string, string>, timeoutMs = 15000): Promise<T | undefined> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

function limiter(concurrency: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
