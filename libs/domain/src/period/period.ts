import { fail, ok, Result } from '../result';

/** A reporting month, written YYYY-MM. */
export interface Period {
  year: number;
  month: number;
  text: string;
}

export function parsePeriod(text: string): Result<Period> {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return fail(`period must be written YYYY-MM (e.g. 2026-10); got '${text}'`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return fail(`period month must be 01-12; got ${match[2]}`);
  return ok({ year, month, text });
}

const monthIndex = (p: { year: number; month: number }): number => p.year * 12 + (p.month - 1);

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function comparePeriods(a: { year: number; month: number }, b: { year: number; month: number }): number {
  return monthIndex(a) - monthIndex(b);
}

/** True when the period's month starts after the month `now` falls in (UTC): a future period. */
export function isPeriodAfter(period: { year: number; month: number }, now: Date): boolean {
  return monthIndex(period) > now.getUTCFullYear() * 12 + now.getUTCMonth();
}

/** The month before a `YYYY-MM` period, as `YYYY-MM`. */
export function previousMonth(period: { year: number; month: number }): string {
  const year = period.month === 1 ? period.year - 1 : period.year;
  const month = period.month === 1 ? 12 : period.month - 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}
