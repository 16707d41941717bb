import { GREEN_CODE_2026_1 } from '../methodology/default-green-methodology';
import { tableMethodology, TEST_REFERENCES, valuesAt } from '../fixtures.spec-helper';
import { percentile, performancePercentile, referenceValues } from './reference-values';

describe('percentile (linear between ranked values)', () => {
  it.each([
    [[5], 50, 5],
    [[1, 2, 3, 4, 5], 50, 3],
    [[5, 1, 4, 2, 3], 90, 4.6],
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 100, 4],
  ])('%j at %d -> %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  it('of performance turns the scale for lower-is-better indicators', () => {
    expect(performancePercentile([1, 2, 3, 4, 5], 90, 'lower-is-better')).toBeCloseTo(1.4, 12);
    expect(performancePercentile([1, 2, 3, 4, 5], 90, 'higher-is-better')).toBeCloseTo(4.6, 12);
  });
});

describe('referenceValues', () => {
  it("takes the cohort's median as baseline and its 90th percentile of performance as leading (the default methodology)", () => {
    const cohort = [1, 2, 3, 4, 5].map((x) => valuesAt('baseline', { energyIntensity: x / 10, waterReuseRate: x / 10 }));
    const refs = referenceValues(GREEN_CODE_2026_1, 'C2614', cohort);
    expect(refs.energyIntensity!.baseline).toBeCloseTo(0.3, 12);
    expect(refs.energyIntensity!.leading).toBeCloseTo(0.14, 12);
    expect(refs.waterReuseRate!.baseline).toBeCloseTo(0.3, 12);
    expect(refs.waterReuseRate!.leading).toBeCloseTo(0.46, 12);
  });

  it('gives no reference where the cohort has fewer values than the minimum', () => {
    const cohort = [1, 2, 3, 4, 5].map((x) => valuesAt('baseline', { footprintProductShare: x === 1 ? 0.2 : null }));
    expect(referenceValues(GREEN_CODE_2026_1, 'C2614', cohort).footprintProductShare).toBeNull();
    expect(referenceValues(GREEN_CODE_2026_1, 'C2614', cohort.slice(0, 4)).energyIntensity).toBeNull();
  });

  it('reads a table by the longest industry prefix that has the indicator', () => {
    const methodology = tableMethodology({
      references: {
        mode: 'table',
        byIndustry: { '': TEST_REFERENCES, C26: { energyIntensity: { baseline: 2, leading: 1 } }, C2614: { waterIntensity: { baseline: 9, leading: 3 } } },
        provenance: { origin: 'platform', source: 'test' },
      },
    });
    const refs = referenceValues(methodology, 'C2614', []);
    expect(refs.energyIntensity).toEqual({ baseline: 2, leading: 1 });
    expect(refs.waterIntensity).toEqual({ baseline: 9, leading: 3 });
    expect(refs.carbonIntensity).toEqual(TEST_REFERENCES.carbonIntensity);
    expect(referenceValues(methodology, 'C3311', []).energyIntensity).toEqual(TEST_REFERENCES.energyIntensity);
  });
});
