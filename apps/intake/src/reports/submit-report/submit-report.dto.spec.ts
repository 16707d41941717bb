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
  ])('names %s when it is wrong', (field, change) => {
    const result = submitReportSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '').replace(/\.\[/g, '['));
    expect(paths).toContain(field);
  });
});
