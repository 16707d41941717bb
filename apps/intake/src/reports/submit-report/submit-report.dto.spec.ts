import { zodIssues } from '@gec/platform';
import { submitReportSchema } from './submit-report.dto';

const valid = {
  period: '2026-10',
  valueAdded: 1250.5,
  outputValue: 5300,
  energy: [
    { carrier: 'electricity', quantity: 1, unit: 'MWh' },
    { carrier: 'natural_gas', quantity: 2, unit: '10^4 m3' },
    { carrier: 'raw_coal', quantity: 500, unit: 'kg' },
    { carrier: 'heat', quantity: 3000, unit: 'MJ' },
  ],
  ownRenewableElectricity: { quantity: 0.2, unit: 'MWh' },
};

describe('submit report body', () => {
  it('converts every quantity to its canonical unit', () => {
    const parsed = submitReportSchema.parse(valid);
    expect(parsed.energy).toEqual([
      { carrier: 'electricity', quantity: 1000, unit: 'kWh' },
      { carrier: 'natural_gas', quantity: 20000, unit: 'm3' },
      { carrier: 'raw_coal', quantity: 0.5, unit: 't' },
      { carrier: 'heat', quantity: 3, unit: 'GJ' },
    ]);
    expect(parsed.ownRenewableElectricityKwh).toBe(200);
  });

  it('treats own renewable electricity as optional', () => {
    const { ownRenewableElectricity: _omitted, ...rest } = valid;
    expect(submitReportSchema.parse(rest).ownRenewableElectricityKwh).toBe(0);
  });

  it.each([
    ['period', { period: '2026-13' }],
    ['period', { period: '2999-01' }],
    ['valueAdded', { valueAdded: -5 }],
    ['energy', { energy: [] }],
    ['energy[0].unit', { energy: [{ carrier: 'coke', quantity: 1, unit: 'm3' }] }],
    ['energy[0].carrier', { energy: [{ carrier: 'wood', quantity: 1, unit: 't' }] }],
    ['ownRenewableElectricity.unit', { ownRenewableElectricity: { quantity: 1, unit: 't' } }],
    ['ownRenewableElectricity', { renewables: { pv: { selfConsumedKwh: 10 } } }],
    ['water.newWaterM3', { water: { reusedM3: 10 } }],
    ['water.reusedM3', { water: { newWaterM3: 10, reusedM3: -1 } }],
    ['solidWaste.utilisedT', { solidWaste: { generatedT: 10, utilisedT: 11 } }],
    ['solidWaste.priorStockUtilisedT', { solidWaste: { generatedT: 10, utilisedT: 5, priorStockUtilisedT: 6 } }],
    ['hazardousWaste.disposedCompliantlyT', { hazardousWaste: { generatedT: 1, disposedCompliantlyT: 2 } }],
    ['pollutants.so2T', { pollutants: { so2T: 'a lot' } }],
    ['pollutants.mercuryT', { pollutants: { mercuryT: 1 } }],
    ['renewables.solar', { renewables: { solar: { selfConsumedKwh: 1 } } }],
    ['headcount', { headcount: 2.5 }],
    ['reason', { reason: '   ' }],
  ])('names %s when it is wrong', (field, change) => {
    const result = submitReportSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    // As the HTTP edge names them in the problem+json.
    expect(zodIssues(result.error!).map((i) => i.field)).toContain(field);
  });

  it('takes every figure of the full report, every carrier of GB/T 2589 with its units, and the revision reason', () => {
    const { ownRenewableElectricity: _legacy, ...rest } = valid;
    const parsed = submitReportSchema.parse({
      ...rest,
      energy: [
        { carrier: 'washed_coal', quantity: 2, unit: 't' },
        { carrier: 'kerosene', quantity: 100, unit: 'kg' },
        { carrier: 'crude_oil', quantity: 1, unit: 't' },
        { carrier: 'refinery_dry_gas', quantity: 1, unit: 't' },
        { carrier: 'natural_gas_oilfield', quantity: 1, unit: '10^4 m3' },
        { carrier: 'coke_oven_gas', quantity: 500, unit: 'm3' },
        { carrier: 'steam_low_pressure', quantity: 3, unit: 't' },
        { carrier: 'steam_high_pressure', quantity: 2000, unit: 'kg' },
        { carrier: 'heat', quantity: 5, unit: 'GJ' },
      ],
      headcount: 120,
      renewables: { pv: { selfConsumedKwh: 3000, exportedKwh: 500 }, biomass: { selfConsumedKwh: 1000 } },
      greenElectricity: { certificatesKwh: 10_000, tradingKwh: 5_000 },
      water: { newWaterM3: 900, reusedM3: 2_100 },
      solidWaste: { generatedT: 40, utilisedT: 38, priorStockUtilisedT: 2, disposedT: 1, storedT: 3 },
      hazardousWaste: { generatedT: 0.5, disposedCompliantlyT: 0.5 },
      pollutants: { so2T: 0.2, noxT: 0.3, particulateT: 0.05, vocsT: 0.1, codT: 0.4, ammoniaNitrogenT: 0.02 },
      reason: 'meter reading corrected',
    });
    expect(parsed.energy.map((e) => [e.carrier, e.quantity, e.unit])).toEqual([
      ['washed_coal', 2, 't'],
      ['kerosene', 0.1, 't'],
      ['crude_oil', 1, 't'],
      ['refinery_dry_gas', 1, 't'],
      ['natural_gas_oilfield', 10_000, 'm3'],
      ['coke_oven_gas', 500, 'm3'],
      ['steam_low_pressure', 3, 't'],
      ['steam_high_pressure', 2, 't'],
      ['heat', 5, 'GJ'],
    ]);
    expect(parsed.ownRenewableElectricityKwh).toBe(4000);
    expect(parsed.figures).toMatchObject({ headcount: 120, water: { newWaterM3: 900, reusedM3: 2_100 }, pollutants: { so2T: 0.2 } });
    expect(parsed.reason).toBe('meter reading corrected');
  });
});
