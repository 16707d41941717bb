import { tableMethodology, TEST_REFERENCES, valuesAt } from '../fixtures.spec-helper';
import { References } from './reference-values';
import { scoreGreen } from './score-green';

const methodology = tableMethodology();
const refs = TEST_REFERENCES as References;

describe('scoreGreen', () => {
  it.each([
    ['every indicator at its leading value', valuesAt('leading'), 100],
    ['every indicator at its baseline', valuesAt('baseline'), 0],
    // energy intensity halfway: 35 x 0.4 x 0.5 = 7
    ['energy intensity halfway, the rest at baseline', valuesAt('baseline', { energyIntensity: 0.475 }), 7],
    // water reuse at leading: 25 x 0.3 = 7.5; land use at leading: 10
    ['water reuse and land use leading', valuesAt('baseline', { waterReuseRate: 0.85, valueAddedPerLandM2: 1000 }), 17.5],
    ['everything leading but clean production at baseline', valuesAt('leading', { pollutantPermitRatio: 1 }), 80],
    ['beyond leading counts as leading', valuesAt('leading', { energyIntensity: 0.01, waterReuseRate: 1 }), 100],
  ])('%s -> %d', (_label, values, total) => {
    const score = scoreGreen(values, refs, methodology);
    expect(score.total).toBeCloseTo(total, 9);
    expect(score.complete).toBe(true);
  });

  it("redistributes a missing indicator's weight within its dimension", () => {
    // water reuse unknown: water intensity carries 25 x 0.4 / 0.7, waste 25 x 0.3 / 0.7
    const score = scoreGreen(valuesAt('baseline', { waterReuseRate: null, waterIntensity: 5 }), refs, methodology);
    const resources = score.dimensions.find((d) => d.dimension === 'efficient-resources')!;
    expect(resources.complete).toBe(false);
    expect(resources.unscored).toBe(false);
    expect(resources.points).toBeCloseTo((25 * 0.4) / 0.7, 9);
    expect(resources.indicators.map((i) => [i.indicator, i.status, +i.maxPoints.toFixed(4)])).toEqual([
      ['waterIntensity', 'scored', 14.2857],
      ['waterReuseRate', 'missing-value', 0],
      ['solidWasteUtilisationRate', 'scored', 10.7143],
    ]);
    expect(score.total).toBeCloseTo(14.2857, 4);
    expect(score.complete).toBe(false);
  });

  it('gives a dimension with no scored indicator 0 and keeps its nominal points as lost', () => {
    const score = scoreGreen(valuesAt('leading', { pollutantPermitRatio: null }), refs, methodology);
    const clean = score.dimensions.find((d) => d.dimension === 'clean-production')!;
    expect(clean).toMatchObject({ points: 0, unscored: true, complete: false });
    expect(clean.indicators[0]).toMatchObject({ status: 'missing-value', maxPoints: 20, points: 0, lostPoints: 20 });
    expect(score.total).toBe(80);
  });

  it('treats an indicator without a reference as missing', () => {
    const score = scoreGreen(valuesAt('leading'), { ...refs, renewableElectricityShare: null }, methodology);
    const energy = score.dimensions[0];
    expect(energy.indicators[2]).toMatchObject({ status: 'missing-reference', maxPoints: 0 });
    expect(energy.points).toBeCloseTo(35, 9);
  });

  it('rounds the total to the methodology decimals', () => {
    const score = scoreGreen(valuesAt('baseline', { energyIntensity: 0.6 - 0.25 / 3 }), refs, methodology);
    expect(score.total).toBe(4.6667);
  });
});
