// Helpers shared by the bench sections: percentiles, pacing, bounded concurrency, Prometheus scraping.
import { SERVICE_NAMES, ServiceName } from '@gec/testing';

/** Nearest-rank percentile of ascending-sorted values; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

/** Rounds for display; '-' for a value that could not be measured. */
export function fmt(value: number | undefined, digits = 0): string | number {
  return value === undefined || !Number.isFinite(value) ? '-' : Number(value.toFixed(digits));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Runs `fn` over `items` with at most `limit` calls in flight; results in the items' order. */
export async function mapConcurrent<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Counters every service serves at GET /metrics (libs/platform/src/observability/platform-metrics.ts). */
export const DB_COUNTER = 'gec_db_commands_total';
export const DEAD_LETTER_COUNTER = 'gec_events_dead_lettered_total';

/** Sum of every series of one metric in Prometheus text format (`name{labels} value` lines; comments skipped). */
export function sumMetric(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)/.exec(line);
    if (match && match[1] === name) sum += Number(match[3]);
  }
  return sum;
}

/** One counter's total in each service, from its `GET /metrics`. */
export async function scrapeCounter(urls: Record<ServiceName, string>, name: string): Promise<Record<ServiceName, number>> {
  const entries = await Promise.all(
    SERVICE_NAMES.map(async (service) => {
      const response = await fetch(`${urls[service]}/metrics`, { signal: AbortSignal.timeout(10000) });
      if (!response.ok) throw new Error(`${service} /metrics answered ${response.status}`);
      return [service, sumMetric(await response.text(), name)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ServiceName, number>;
}

export function difference(after: Record<ServiceName, number>, before: Record<ServiceName, number>): Record<ServiceName, number> {
  return Object.fromEntries(SERVICE_NAMES.map((s) => [s, after[s] - before[s]])) as Record<ServiceName, number>;
}

export function total(values: Record<string, number>): number {
  return Object.values(values).reduce((sum, value) => sum + value, 0);
}
