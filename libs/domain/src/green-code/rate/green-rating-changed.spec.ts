import { rate } from './rating.spec-helper';
import { greenRatingChanged } from './green-rating-changed';

const base = rate();

describe('greenRatingChanged', () => {
  it.each([
    ['nothing', base, false],
    ['only the score', { ...base, score: { ...base.score, total: base.score.total + 1 } }, false],
    ['the tier', { ...base, code: { tier: 'A' as const, colour: { name: 'green', hex: '#43A047' } } }, true],
    ['the code withheld', { ...base, code: null }, true],
    ['the K grade', { ...base, carbonEfficiency: { ...base.carbonEfficiency!, grade: 3 as const } }, true],
    ['K no longer known', { ...base, carbonEfficiency: null }, true],
    ['the methodology version', { ...base, provenance: { ...base.provenance, methodology: { id: 'green-efficiency-code', version: '2027.1' } } }, true],
    ['nothing but the K value', { ...base, carbonEfficiency: { ...base.carbonEfficiency!, k: 0.7 } }, false],
  ])('%s differs -> %s', (_label, other, expected) => {
    expect(greenRatingChanged(base, other)).toBe(expected);
  });

  it.each([
    [undefined, base, true],
    [base, undefined, true],
    [undefined, undefined, false],
  ])('a missing rating differs from a present one', (a, b, expected) => {
    expect(greenRatingChanged(a, b)).toBe(expected);
  });
});
