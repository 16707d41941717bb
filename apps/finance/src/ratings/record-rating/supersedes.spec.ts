import { supersedes } from './supersedes';

describe('supersedes', () => {
  const stored = { period: '2026-05', ratedAt: '2026-06-02T08:00:00.000Z' };

  it.each([
    ['a later period', { period: '2026-06', ratedAt: '2026-06-01T00:00:00.000Z' }, true],
    ['a later year', { period: '2027-01', ratedAt: '2027-02-01T00:00:00.000Z' }, true],
    ['an earlier period rated later', { period: '2026-04', ratedAt: '2026-07-01T00:00:00.000Z' }, false],
    ['the same period re-rated', { period: '2026-05', ratedAt: '2026-06-03T00:00:00.000Z' }, true],
    ['the same rating again', { ...stored }, true],
    ['the same period rated earlier', { period: '2026-05', ratedAt: '2026-06-01T00:00:00.000Z' }, false],
  ])('%s -> %s', (_case, incoming, expected) => {
    expect(supersedes(incoming, stored)).toBe(expected);
  });
});
