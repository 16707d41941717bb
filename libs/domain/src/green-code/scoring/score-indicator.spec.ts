import { indicatorFraction, valueForFraction } from './score-indicator';

describe('indicatorFraction', () => {
  it.each([
    // lower is better: baseline 1.0, leading 0.5
    ['lower', 1.2, 1.0, 0.5, 0],
    ['lower', 1.0, 1.0, 0.5, 0],
    ['lower', 0.75, 1.0, 0.5, 0.5],
    ['lower', 0.5, 1.0, 0.5, 1],
    ['lower', 0.1, 1.0, 0.5, 1],
    // higher is better: baseline 0.6, leading 0.9
    ['higher', 0.5, 0.6, 0.9, 0],
    ['higher', 0.6, 0.6, 0.9, 0],
    ['higher', 0.84, 0.6, 0.9, 0.8],
    ['higher', 0.9, 0.6, 0.9, 1],
    ['higher', 1, 0.6, 0.9, 1],
    // baseline equals leading
    ['lower', 0.7, 0.7, 0.7, 1],
    ['lower', 0.70001, 0.7, 0.7, 0],
    ['higher', 0.7, 0.7, 0.7, 1],
    ['higher', 0.69999, 0.7, 0.7, 0],
  ])('%s-is-better %d against baseline %d, leading %d -> %d', (dir, value, baseline, leading, expected) => {
    expect(indicatorFraction(value, { baseline, leading }, `${dir}-is-better` as never)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['lower-is-better', 0.5, 1.0],
    ['higher-is-better', 0.9, 0.6],
  ] as const)('refuses a %s pair whose leading value is worse than its baseline', (direction, baseline, leading) => {
    expect(() => indicatorFraction(0.7, { baseline, leading }, direction)).toThrow(RangeError);
  });

  it.each([
    [0, 1],
    [0.5, 0.75],
    [1, 0.5],
  ])('valueForFraction(%d) on baseline 1, leading 0.5 -> %d', (fraction, value) => {
    expect(valueForFraction(fraction, { baseline: 1, leading: 0.5 })).toBe(value);
  });
});
