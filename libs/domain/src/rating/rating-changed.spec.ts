import { CarbonEfficiencyRating } from './rate-carbon-efficiency';
import { ratingChanged } from './rating-changed';

const base: CarbonEfficiencyRating = {
  methodology: { id: 'zhejiang-carbon-efficiency', version: 'db33t1347-2023.1' },
  level: 'medium',
  grade: 3,
  k: 1.1,
  carbonIntensity: 1.1,
  industryCarbonIntensity: 1,
};

describe('ratingChanged', () => {
  it.each([
    ['nothing', base, false],
    ['only K and L', { ...base, k: 0.9, carbonIntensity: 0.9 }, false],
    ['the grade', { ...base, grade: 4 as const }, true],
    ['the level', { ...base, level: 'high' as const }, true],
    ['the methodology version', { ...base, methodology: { ...base.methodology, version: 'db33t1347-2024.1' } }, true],
  ])('%s differs -> %s', (_label, other, expected) => {
    expect(ratingChanged(base, other)).toBe(expected);
  });

  it.each([
    [undefined, base, true],
    [base, undefined, true],
    [undefined, undefined, false],
  ])('treats a missing rating as different from a present one', (a, b, expected) => {
    expect(ratingChanged(a, b)).toBe(expected);
  });
});
