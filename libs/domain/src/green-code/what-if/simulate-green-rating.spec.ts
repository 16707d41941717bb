import { CURRENT_FACTOR_TABLES } from '../../methodology/factor-table-set';
import { tableMethodology } from '../fixtures.spec-helper';
import { ratingInput } from '../rate/rating.spec-helper';
import { simulateGreenRating } from './simulate-green-rating';

const methodology = tableMethodology({
  tiers: {
    mode: 'threshold',
    bands: [
      { tier: 'A+', minScore: 90 },
      { tier: 'A', minScore: 80 },
      { tier: 'B', minScore: 60 },
      { tier: 'C', minScore: 40 },
      { tier: 'D', minScore: 0 },
    ],
    provenance: { origin: 'platform', source: 'test' },
  },
});

describe('simulateGreenRating', () => {
  it('recomputes indicators, score, tier and K grade with on-site PV added', () => {
    const sim = simulateGreenRating(ratingInput(), [{ kind: 'add-onsite-pv', kwhPerYear: 300_000 }], methodology, CURRENT_FACTOR_TABLES);
    expect(sim.current.code?.tier).toBe('B');
    expect(sim.current.carbonEfficiency?.grade).toBe(2);
    // renewable share 0 -> 0.25: 7 x 0.25 / 0.3 = 5.83 more points
    expect(sim.simulated.score.total).toBeCloseTo(sim.current.score.total + 7 * (0.25 / 0.3), 3);
    expect(sim.simulated.code?.tier).toBe('A');
    expect(sim.simulated.carbonEfficiency).toMatchObject({ grade: 1, k: expect.closeTo((636.72 - 159.18) / 1200 / 0.8, 4) });
    expect(sim.moved.map((m) => m.indicator)).toEqual(['carbonIntensity', 'renewableElectricityShare']);
  });

  it('changes nothing without changes', () => {
    const sim = simulateGreenRating(ratingInput(), [], methodology, CURRENT_FACTOR_TABLES);
    expect(sim.simulated).toEqual(sim.current);
    expect(sim.moved).toEqual([]);
  });
});
