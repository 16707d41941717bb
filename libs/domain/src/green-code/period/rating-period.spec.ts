import { parseRatingPeriod, periodEndingAt } from './rating-period';

describe('parseRatingPeriod', () => {
  it.each([
    ['2026-03', 'month', ['2026-03']],
    ['2026-Q1', 'quarter', ['2026-01', '2026-02', '2026-03']],
    ['2026-Q4', 'quarter', ['2026-10', '2026-11', '2026-12']],
    ['2025', 'year', ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']],
    ['R12-2026-03', 'rolling-12', ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']],
    ['R12-2026-12', 'rolling-12', ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']],
  ])('%s is a %s of %j', (text, kind, months) => {
    expect(parseRatingPeriod(text)).toEqual({ ok: true, value: { kind, text, months } });
  });

  it.each(['2026-13', '2026-00', '2026-Q0', '2026-Q5', 'R12-2026-13', '26', '2026-3', 'R12-2026', ''])('refuses %s', (text) => {
    expect(parseRatingPeriod(text).ok).toBe(false);
  });
});

describe('periodEndingAt', () => {
  it.each([
    ['month', '2026-05', '2026-05'],
    ['rolling-12', '2026-05', 'R12-2026-05'],
    ['quarter', '2026-06', '2026-Q2'],
    ['quarter', '2026-05', null],
    ['year', '2026-12', '2026'],
    ['year', '2026-11', null],
  ] as const)('%s ending %s -> %s', (kind, month, expected) => {
    expect(periodEndingAt(kind, month)).toBe(expected);
  });
});
