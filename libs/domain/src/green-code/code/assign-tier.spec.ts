import { TierRule } from '../methodology/green-methodology';
import { GREEN_CODE_2026_1 } from '../methodology/default-green-methodology';
import { assignTiers, scoreNeededForTier, sharePlaces, tierByThreshold, tierOrder } from './assign-tier';

const share = GREEN_CODE_2026_1.tiers as Extract<TierRule, { mode: 'share' }>;
const threshold: TierRule = {
  mode: 'threshold',
  bands: [
    { tier: 'A+', minScore: 90 },
    { tier: 'A', minScore: 75 },
    { tier: 'B', minScore: 60 },
    { tier: 'C', minScore: 40 },
    { tier: 'D', minScore: 0 },
  ],
  provenance: { origin: 'platform', source: 'test' },
};

describe('tierByThreshold', () => {
  it.each([
    [100, 'A+'],
    [90, 'A+'],
    [89.9999, 'A'],
    [75, 'A'],
    [74.9999, 'B'],
    [60, 'B'],
    [59.9999, 'C'],
    [40, 'C'],
    [39.9999, 'D'],
    [0, 'D'],
  ])('%d -> %s', (score, tier) => {
    expect(tierByThreshold(score, (threshold as Extract<TierRule, { mode: 'threshold' }>).bands)).toBe(tier);
  });
});

describe('sharePlaces (5/35/60, rounded up)', () => {
  it.each([
    [0, [0, 0, 0]],
    [1, [1, 1, 1]],
    [10, [1, 4, 10]],
    [20, [1, 8, 20]],
    [21, [2, 9, 21]],
    [100, [5, 40, 100]],
  ])('%d qualifying members -> A+ up to %j', (n, bounds) => {
    expect(sharePlaces(share, n).map((p) => p.upToRank)).toEqual(bounds);
  });
});

const members = (scores: number[]) => scores.map((score, i) => ({ id: `E${String(i).padStart(2, '0')}`, score }));

describe('assignTiers, share mode', () => {
  it('ranks qualifying members into A+/A/B and gives the rest C/D by score', () => {
    // 20 qualifying (scores 99 down to 61 step 2), A+ 1 place, A up to rank 8, B the rest; then 50 -> C, 10 -> D.
    const scores = [...Array.from({ length: 20 }, (_, i) => 99 - 2 * i), 50, 10];
    const tiers = assignTiers(members(scores), share);
    expect(members(scores).map((m) => tiers.get(m.id)).join(' ')).toBe(
      ['A+', ...Array(7).fill('A'), ...Array(12).fill('B'), 'C', 'D'].join(' '),
    );
  });

  it('gives tied members the same, better tier, whatever their order', () => {
    // 10 qualifying: A+ 1 place, A up to rank 4. Two tied at the top both take A+; three tied at rank 4 all take A.
    const scores = [95, 95, 90, 80, 80, 80, 70, 70, 65, 61];
    const tiers = assignTiers(members(scores), share);
    const reversed = assignTiers(members(scores).reverse(), share);
    expect(members(scores).map((m) => tiers.get(m.id))).toEqual(['A+', 'A+', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B']);
    expect(reversed).toEqual(tiers);
  });

  it('qualifies at exactly the qualifying score', () => {
    const tiers = assignTiers(members([60, 59.9999, 40, 39.9999]), share);
    expect([...tiers.values()]).toEqual(['A+', 'C', 'C', 'D']);
  });
});

describe('assignTiers, threshold mode', () => {
  it('uses the bounds alone', () => {
    expect([...assignTiers(members([95, 95, 60, 20]), threshold).values()]).toEqual(['A+', 'A+', 'B', 'D']);
  });
});

describe('scoreNeededForTier', () => {
  const others = [95, 90, 85, 80, 75, 70, 65, 62, 61]; // with the enterprise: 10 qualifying, A+ 1 place, A 4

  it.each([
    ['A+', others, 95],
    ['A', others, 80],
    ['B', others, 60],
    ['C', others, 40],
    ['D', others, 0],
    ['A', [], 60],
    ['A+', [95, 95], 95], // A+ has 1 place among 3, but tying the best takes the better tier
  ] as const)('%s among %j -> %s', (tier, scores, expected) => {
    expect(scoreNeededForTier(tier, scores, share)).toBe(expected);
  });

  it('is null for a shared tier with no place', () => {
    const noTop: TierRule = { ...share, shares: [{ tier: 'A+', share: 0 }, { tier: 'A', share: 0.4 }, { tier: 'B', share: 0.6 }] };
    expect(scoreNeededForTier('A+', [70], noTop)).toBeNull();
  });

  it('is the bound in threshold mode', () => {
    expect(scoreNeededForTier('A', others, threshold)).toBe(75);
  });

  it('lists tiers best first', () => {
    expect(tierOrder(share)).toEqual(['A+', 'A', 'B', 'C', 'D']);
    expect(tierOrder(threshold)).toEqual(['A+', 'A', 'B', 'C', 'D']);
  });
});
