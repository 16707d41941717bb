import { previousMonth } from '../period/period';
import { plausibilityWarnings } from './plausibility';
import { computeResourceIndicators, resourceFigureErrors, ResourceFigures, selfConsumedRenewableKwh } from './report-figures';

describe('resourceFigureErrors', () => {
  it.each<[string, ResourceFigures, string[]]>([
    ['nothing reported', {}, []],
    ['waste utilised within generated', { solidWaste: { generatedT: 100, utilisedT: 100 } }, []],
    ['waste utilised from prior stock as well', { solidWaste: { generatedT: 100, utilisedT: 130, priorStockUtilisedT: 30 } }, []],
    ['more utilised than generated and prior stock', { solidWaste: { generatedT: 100, utilisedT: 131, priorStockUtilisedT: 30 } }, ['solidWaste.utilisedT']],
    ['prior stock above what was utilised', { solidWaste: { generatedT: 100, utilisedT: 10, priorStockUtilisedT: 20 } }, ['solidWaste.priorStockUtilisedT']],
    ['hazardous disposed above generated', { hazardousWaste: { generatedT: 2, disposedCompliantlyT: 3 } }, ['hazardousWaste.disposedCompliantlyT']],
    ['hazardous disposed equal to generated', { hazardousWaste: { generatedT: 2, disposedCompliantlyT: 2 } }, []],
  ])('%s', (_case, figures, fields) => {
    expect(resourceFigureErrors(figures).map((i) => i.path.join('.'))).toEqual(fields);
  });
});

describe('computeResourceIndicators (methodology reference section 5)', () => {
  it('computes each rate from its own figures, per 10,000 yuan of value added where it is an intensity', () => {
    const figures: ResourceFigures = {
      headcount: 50,
      renewables: { pv: { selfConsumedKwh: 20_000, exportedKwh: 5_000 }, wind: { selfConsumedKwh: 10_000 } },
      greenElectricity: { certificatesKwh: 30_000, tradingKwh: 10_000 },
      water: { newWaterM3: 800, reusedM3: 3_200 },
      solidWaste: { generatedT: 90, utilisedT: 95, priorStockUtilisedT: 10 },
      hazardousWaste: { generatedT: 4, disposedCompliantlyT: 3 },
    };
    expect(selfConsumedRenewableKwh(figures)).toBe(30_000);
    expect(computeResourceIndicators(figures, 1_000, 170_000)).toEqual({
      waterIntensity: 0.8,
      waterReuseRate: 0.8,
      solidWasteUtilisationRate: 0.95,
      hazardousWasteCompliantRate: 0.75,
      renewableElectricityShare: 70_000 / 200_000,
      valueAddedPerHead: 20,
    });
  });

  it('leaves unreported indicators null rather than zero, and caps the renewable share at 100%', () => {
    expect(computeResourceIndicators({}, 1_000, 100)).toEqual({
      waterIntensity: null, waterReuseRate: null, solidWasteUtilisationRate: null, hazardousWasteCompliantRate: null, renewableElectricityShare: null, valueAddedPerHead: null,
    });
    expect(computeResourceIndicators({ greenElectricity: { certificatesKwh: 500 } }, 1_000, 100).renewableElectricityShare).toBe(1);
    expect(computeResourceIndicators({ water: { newWaterM3: 0, reusedM3: 0 } }, 1_000, 100).waterReuseRate).toBeNull();
  });
});

describe('plausibilityWarnings', () => {
  const month = { valueAdded: 100, outputValue: 400, energyTce: 50 };
  it.each<[string, typeof month, typeof month | undefined, string[]]>([
    ['an ordinary month', month, month, []],
    ['value added above output value', { ...month, valueAdded: 500 }, undefined, ['value-added-above-output:valueAdded']],
    ['energy up more than 5x', { ...month, energyTce: 251 }, month, ['month-on-month-jump:energy']],
    ['energy up exactly 5x', { ...month, energyTce: 250 }, month, []],
    ['value added down more than 5x', { ...month, valueAdded: 19 }, month, ['month-on-month-jump:valueAdded']],
    ['no previous month', { ...month, energyTce: 5_000 }, undefined, []],
    ['a previous month without energy', month, { ...month, energyTce: 0 }, []],
  ])('%s', (_case, current, previous, expected) => {
    expect(plausibilityWarnings(current, previous).map((w) => `${w.code}:${w.field}`)).toEqual(expected);
  });
});

describe('previousMonth', () => {
  it.each([
    [{ year: 2026, month: 1 }, '2025-12'],
    [{ year: 2026, month: 10 }, '2026-09'],
  ])('%j -> %s', (period, expected) => expect(previousMonth(period)).toBe(expected));
});
