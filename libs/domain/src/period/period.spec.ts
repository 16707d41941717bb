import { comparePeriods, isPeriodAfter, parsePeriod } from './period';

const p = (text: string) => {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('parsePeriod', () => {
  it.each([
    ['2026-10', 2026, 10],
    ['2023-01', 2023, 1],
    ['2024-12', 2024, 12],
  ])('parses %s', (text, year, month) => {
    expect(parsePeriod(text)).toEqual({ ok: true, value: { year, month, text } });
  });

  it.each([
    ['2026-13', 'month must be 01-12; got 13'],
    ['2026-00', 'month must be 01-12; got 00'],
    ['2026-1', 'must be written YYYY-MM'],
    ['202610', 'must be written YYYY-MM'],
    ['2026-10-01', 'must be written YYYY-MM'],
  ])('rejects %s: %s', (text, reason) => {
    const result = parsePeriod(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('isPeriodAfter', () => {
  const now = new Date('2026-10-15T12:00:00Z');
  it.each([
    ['2026-11', now, true],
    ['2027-01', now, true],
    ['2026-10', now, false],
    ['2026-09', now, false],
    ['2025-12', now, false],
    // The month boundary is taken in UTC.
    ['2026-11', new Date('2026-10-31T23:59:59Z'), true],
    ['2026-11', new Date('2026-11-01T00:00:00Z'), false],
  ])('%s after %s -> %s', (text, at, expected) => {
    expect(isPeriodAfter(p(text), at)).toBe(expected);
  });
});

describe('comparePeriods', () => {
  it.each([
    ['2026-10', '2026-11', -1],
    ['2026-12', '2027-01', -1],
    ['2026-10', '2026-10', 0],
    ['2027-01', '2026-12', 1],
  ])('%s vs %s -> sign %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(p(a), p(b)))).toBe(sign);
  });
});
