import { CURRENT_CARBON_EFFICIENCY_METHODOLOGY } from './carbon-efficiency-methodology';
import { rateCarbonEfficiency } from './rate-carbon-efficiency';

const rate = (carbonIntensity: number, industryCarbonIntensity: number) =>
  rateCarbonEfficiency({ carbonIntensity, industryCarbonIntensity }, CURRENT_CARBON_EFFICIENCY_METHODOLOGY);

describe('rateCarbonEfficiency: grade from K = L / industry L', () => {
  it.each([
    [0.5, 1, 0.5, 1],
    [0.6, 1, 0.6, 1],
    [0.1 + 0.2, 0.5, 0.6, 1], // float noise: unrounded K would be 0.6000000000000001, grade 2
    [0.60001, 1, 0.6, 1], // rounds to the boundary at 4 decimals
    [0.6001, 1, 0.6001, 2],
    [0.8, 1, 0.8, 2],
    [0.04, 0.05, 0.8, 2], // unrounded K would be 0.7999999999999999
    [0.8001, 1, 0.8001, 3],
    [1.2, 1, 1.2, 3],
    [0.36, 0.3, 1.2, 3],
    [1.2001, 1, 1.2001, 4],
    [2.0, 1, 2, 4],
    [2.0001, 1, 2.0001, 5],
    [0, 0, 0, 1],
    [0, 1.5, 0, 1],
  ])('L %d, industry %d -> K %d, grade %i', (l, industryL, k, grade) => {
    const rating = rate(l, industryL);
    expect(rating.k).toBe(k);
    expect(rating.grade).toBe(grade);
  });
});

describe('rateCarbonEfficiency: level from L', () => {
  it.each([
    [0, 'low'],
    [0.6, 'low'],
    [0.1 + 0.2 + 0.3, 'low'], // 0.6000000000000001
    [0.6001, 'medium'],
    [2.0, 'medium'],
    [2.0001, 'high'],
    [15, 'high'],
  ])('L %d -> %s', (l, level) => {
    expect(rate(l, 1).level).toBe(level);
  });
});

describe('rateCarbonEfficiency', () => {
  it('names the methodology and echoes the inputs', () => {
    expect(rate(0.45, 0.9)).toEqual({
      methodology: { id: 'zhejiang-carbon-efficiency', version: 'db33t1347-2023.1' },
      level: 'low',
      grade: 1,
      k: 0.5,
      carbonIntensity: 0.45,
      industryCarbonIntensity: 0.9,
    });
  });

  it.each([
    ['industry L 0 with L > 0', 0.5, 0],
    ['negative L', -0.1, 1],
    ['negative industry L', 0.1, -1],
    ['NaN L', Number.NaN, 1],
    ['infinite industry L', 0.1, Number.POSITIVE_INFINITY],
  ])('throws RangeError on %s', (_label, l, industryL) => {
    expect(() => rate(l, industryL)).toThrow(RangeError);
  });
});
