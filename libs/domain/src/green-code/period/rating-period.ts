import { fail, ok, Result } from '../../result';
import { HeadlinePeriodKind } from '../methodology/green-methodology';

/** A period a rating covers: a month (2026-03), a quarter (2026-Q1), a year (2026) or 12 months ending at a month (R12-2026-03). */
export interface RatingPeriod {
  kind: HeadlinePeriodKind;
  text: string;
  /** Its months, YYYY-MM, oldest first. */
  months: string[];
}

const monthText = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const monthsFrom = (startIndex: number, count: number) => Array.from({ length: count }, (_, i) => monthText(startIndex + i));

export function parseRatingPeriod(text: string): Result<RatingPeriod> {
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return fail(`period month must be 01-12; got ${m[2]}`);
    return ok({ kind: 'month', text, months: [text] });
  }
  if ((m = /^(\d{4})-Q(\d)$/.exec(text))) {
    const q = Number(m[2]);
    if (q < 1 || q > 4) return fail(`quarter must be Q1-Q4; got Q${m[2]}`);
    return ok({ kind: 'quarter', text, months: monthsFrom(Number(m[1]) * 12 + (q - 1) * 3, 3) });
  }
  if ((m = /^(\d{4})$/.exec(text))) return ok({ kind: 'year', text, months: monthsFrom(Number(m[1]) * 12, 12) });
  if ((m = /^R12-(\d{4})-(\d{2})$/.exec(text))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return fail(`period month must be 01-12; got ${m[2]}`);
    return ok({ kind: 'rolling-12', text, months: monthsFrom(Number(m[1]) * 12 + month - 12, 12) });
  }
  return fail(`period must be YYYY-MM, YYYY-Qn, YYYY or R12-YYYY-MM (12 months ending at that month); got '${text}'`);
}

/** The period of a kind that ends with the given month (YYYY-MM), or null when none does (a quarter or year ending elsewhere). */
export function periodEndingAt(kind: HeadlinePeriodKind, month: string): string | null {
  const [year, m] = month.split('-').map(Number);
  if (kind === 'month') return month;
  if (kind === 'rolling-12') return `R12-${month}`;
  if (kind === 'quarter') return m % 3 === 0 ? `${year}-Q${m / 3}` : null;
  return m === 12 ? String(year) : null;
}
