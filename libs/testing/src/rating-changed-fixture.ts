import { Rated } from '@gec/contracts';

let ratedAt = Date.parse('2026-07-01T00:00:00.000Z');

/**
 * A rating-changed payload as rating publishes it (Chongqing, June 2026, low carbon, grade 2), with `changes` on top.
 * Each call is rated a minute after the previous one, so a later fixture is always the newer rating.
 */
export function ratingChangedFixture(uscc: string, changes: Partial<Rated> = {}): Rated {
  ratedAt += 60_000;
  return {
    uscc,
    period: '2026-06',
    regionCode: '500103',
    methodology: { id: 'zhejiang-carbon-efficiency', version: 'db33t1347-2023.1' },
    level: 'low',
    grade: 2,
    k: 1,
    carbonIntensity: 0.4,
    industryCarbonIntensity: 0.5,
    benchmarkVersion: 1,
    indicatorsRevision: 1,
    ratedAt: new Date(ratedAt).toISOString(),
    previous: null,
    ...changes,
  };
}
