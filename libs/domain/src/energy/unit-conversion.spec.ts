import { normalizeElectricity, normalizeQuantity } from './unit-conversion';

describe('normalizeQuantity', () => {
  it.each([
    ['electricity', 1500, 'kWh', 1500, 'kWh'],
    ['electricity', 1.5, 'MWh', 1500, 'kWh'],
    ['raw_coal', 50, 't', 50, 't'],
    ['raw_coal', 1500, 'kg', 1.5, 't'],
    ['coke', 250, 'kg', 0.25, 't'],
    ['diesel', 3, 't', 3, 't'],
    ['lpg', 800, 'kg', 0.8, 't'],
    ['natural_gas', 20000, 'm3', 20000, 'm3'],
    ['natural_gas', 2, '10^4 m3', 20000, 'm3'],
    ['heat', 12, 'GJ', 12, 'GJ'],
    ['heat', 3500, 'MJ', 3.5, 'GJ'],
    ['gasoline', 0, 'kg', 0, 't'],
  ])('%s %d %s -> %d %s', (carrier, quantity, unit, expected, canonical) => {
    const result = normalizeQuantity(carrier, quantity, unit);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.carrier).toBe(carrier);
      expect(result.value.quantity).toBeCloseTo(expected, 12);
      expect(result.value.unit).toBe(canonical);
    }
  });

  it.each([
    ['steam', 1, 't', "unknown energy carrier 'steam'; allowed: electricity, raw_coal, washed_coal"],
    ['electricity', 1, 'kwh', "unit 'kwh' is not accepted for electricity; allowed: kWh, MWh"],
    ['natural_gas', 1, 't', "unit 't' is not accepted for natural_gas; allowed: m3, 10^4 m3"],
    ['raw_coal', 1, 'toString', "unit 'toString' is not accepted"],
    ['raw_coal', -1, 't', 'must not be negative; got -1'],
    ['raw_coal', Number.NaN, 't', 'must be a finite number; got NaN'],
    ['raw_coal', Number.POSITIVE_INFINITY, 't', 'must be a finite number; got Infinity'],
  ])('rejects %s %d %s', (carrier, quantity, unit, reason) => {
    const result = normalizeQuantity(carrier, quantity, unit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('normalizeElectricity', () => {
  it.each([
    [200000, 'kWh', 200000],
    [200, 'MWh', 200000],
  ])('%d %s -> %d kWh', (quantity, unit, kwh) => {
    expect(normalizeElectricity(quantity, unit)).toEqual({ ok: true, value: kwh });
  });

  it('rejects a fuel unit', () => {
    expect(normalizeElectricity(1, 't').ok).toBe(false);
  });
});
