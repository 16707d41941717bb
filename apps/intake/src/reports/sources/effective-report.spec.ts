import { DomainError } from '@gec/platform';
import { effectiveReport, sameFigures } from './effective-report';
import { ProviderSource, SelfSource } from './report-sources';

const self: SelfSource = {
  valueAdded: 1500,
  outputValue: 6000,
  energy: [{ carrier: 'electricity', quantity: 650000, unit: 'kWh' }, { carrier: 'raw_coal', quantity: 120, unit: 't' }],
  ownRenewableElectricityKwh: 0,
  solidWaste: { generatedT: 40, utilisedT: 30 },
  submittedAt: '2026-11-01T00:00:00Z',
};
const provider = (id: string, figures: Record<string, number>): ProviderSource => ({ providerId: id, submittedAt: '2026-11-02T00:00:00Z', figures: Object.entries(figures).map(([key, value]) => ({ key, value })) });
const policy = { precedence: ['provider', 'self'] as const, tolerance: 0.05 };

describe('effectiveReport', () => {
  it("takes the provider's figure, records where it came from and warns of the disagreement", () => {
    const effective = effectiveReport(self, [provider('cq-grid', { 'energy.electricity': 700000 })], policy, (k) => k);
    expect(effective.figures.energy).toEqual([{ carrier: 'electricity', quantity: 700000, unit: 'kWh' }, { carrier: 'raw_coal', quantity: 120, unit: 't' }]);
    expect(effective.provenance).toEqual({ 'energy.electricity': 'provider:cq-grid' });
    expect(effective.warnings.map((w) => [w.code, w.field])).toEqual([['source-disagreement', 'energy.electricity']]);
  });

  it("keeps the enterprise's own figures when self comes first", () => {
    const effective = effectiveReport(self, [provider('cq-grid', { 'energy.electricity': 700000 })], { ...policy, precedence: ['self', 'provider'] }, (k) => k);
    expect(sameFigures(effective.figures, self)).toBe(true);
    expect(effective.provenance).toEqual({});
    expect(effective.warnings).toHaveLength(1);
  });

  it("recomputes own renewable electricity from a provider's renewables", () => {
    const effective = effectiveReport(self, [provider('park', { 'renewables.pv.selfConsumedKwh': 3000 })], policy, (k) => k);
    expect(effective.figures.ownRenewableElectricityKwh).toBe(3000);
  });

  it.each([
    ['utilised above generated', { 'solidWaste.utilisedT': 50 }, 'figures.solidWaste.utilisedT'],
    ['a group without its required figure', { 'water.reusedM3': 5 }, 'figures.water.newWaterM3'],
  ])('refuses a combination with %s, naming the figure', (_case, figures, field) => {
    try {
      effectiveReport(self, [provider('p', figures)], policy, (k) => `figures.${k}`);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).issues.map((i) => i.field)).toContain(field);
    }
  });
});
