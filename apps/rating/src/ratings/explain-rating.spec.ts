import { CarbonEfficiencyMethodology, CURRENT_CARBON_EFFICIENCY_METHODOLOGY, rateCarbonEfficiency } from '@gec/domain';
import { describeBand, explainRating } from './explain-rating';

const explain = (carbonIntensity: number, industryCarbonIntensity: number, methodology: CarbonEfficiencyMethodology = CURRENT_CARBON_EFFICIENCY_METHODOLOGY) =>
  explainRating(rateCarbonEfficiency({ carbonIntensity, industryCarbonIntensity }, methodology), methodology);

describe('explainRating', () => {
  it('states L and K with the bands of the methodology table', () => {
    expect(explain(0.4532, 0.4623)).toEqual([
      'Carbon intensity L = 0.4532 t CO2 per 10,000 yuan: low (L <= 0.6)',
      'K = L / industry L = 0.4532 / 0.4623 = 0.9803: grade 3 (0.8 < K <= 1.2)',
    ]);
  });

  it.each([
    [0.5, 1, 'low (L <= 0.6)', 'grade 1 (K <= 0.6)'],
    [1.2, 1, 'medium (0.6 < L <= 2)', 'grade 3 (0.8 < K <= 1.2)'],
    [3, 1, 'high (L > 2)', 'grade 5 (K > 2)'],
    [1.5, 1, 'medium (0.6 < L <= 2)', 'grade 4 (1.2 < K <= 2)'],
    [0.7, 1, 'medium (0.6 < L <= 2)', 'grade 2 (0.6 < K <= 0.8)'],
  ])('L %d, industry L %d -> %s, %s', (l, industryL, level, grade) => {
    const [first, second] = explain(l, industryL);
    expect(first).toContain(level);
    expect(second).toContain(grade);
  });

  it('rounds to the methodology decimals', () => {
    expect(explain(0.123456, 0.2)[1]).toBe('K = L / industry L = 0.1235 / 0.2 = 0.6173: grade 2 (0.6 < K <= 0.8)');
  });

  it('says K is 0 when L is 0, without dividing', () => {
    expect(explain(0, 0)[1]).toBe('K = 0 (L is 0): grade 1 (K <= 0.6)');
  });

  it('follows the table it is given, not fixed numbers', () => {
    const strict: CarbonEfficiencyMethodology = {
      ...CURRENT_CARBON_EFFICIENCY_METHODOLOGY,
      levels: [
        { level: 'low', upTo: 0.3, source: 'test' },
        { level: 'high', upTo: null, source: 'test' },
      ],
    };
    expect(explain(0.5, 1, strict)[0]).toBe('Carbon intensity L = 0.5 t CO2 per 10,000 yuan: high (L > 0.3)');
  });
});

describe('describeBand', () => {
  it('describes a single unbounded band', () => {
    expect(describeBand([{ upTo: null }], 0, 'K')).toBe('any K');
  });
});
