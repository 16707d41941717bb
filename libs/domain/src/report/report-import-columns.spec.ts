import { energyColumnName, IMPORT_COLUMNS, importColumnOfField, importHeaderIssues, mapImportRow } from './report-import-columns';

describe('bulk import columns', () => {
  it('accepts the core headers of the issue by their exact names', () => {
    const names = IMPORT_COLUMNS.map((c) => c.name);
    for (const name of ['uscc', 'facility', 'period', 'value_added', 'output_value', 'electricity_kwh', 'raw_coal_t', 'natural_gas_m3', 'diesel_t', 'heat_gj', 'own_pv_kwh', 'new_water_m3', 'reused_water_m3', 'solid_waste_generated_t', 'solid_waste_utilised_t']) {
      expect(names).toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(energyColumnName('steam_high_pressure')).toBe('steam_high_pressure_t');
  });

  it('maps a row to the report body, leaving empty cells out', () => {
    const header = ['uscc', 'period', 'value_added', 'output_value', 'electricity_kwh', 'natural_gas_m3', 'raw_coal_t', 'own_pv_kwh', 'new_water_m3', 'reused_water_m3', 'so2_t', 'headcount', 'reason'];
    const row = mapImportRow(header, ['91500000ma5u7aa1x', '2026-09', '1250.5', '5300', '1000000', '', '50', '200', '900', '', '0.2', '12', ' fixed ']);
    expect(row.uscc).toBe('91500000MA5U7AA1X');
    expect(row.issues).toEqual([]);
    expect(row.body).toEqual({
      period: '2026-09',
      valueAdded: 1250.5,
      outputValue: 5300,
      energy: [
        { carrier: 'electricity', quantity: 1000000, unit: 'kWh' },
        { carrier: 'raw_coal', quantity: 50, unit: 't' },
      ],
      renewables: { pv: { selfConsumedKwh: 200 } },
      water: { newWaterM3: 900 },
      pollutants: { so2T: 0.2 },
      headcount: 12,
      reason: 'fixed',
    });
    expect(row.energyColumns).toEqual(['electricity_kwh', 'raw_coal_t']);
  });

  it.each([
    ['a cell that is not a number', ['x', '2026-09', '1e', '1'], 'value_added', /'1e' is not a number/],
    ['a value under an unknown column', ['x', '2026-09', '1', '1', 'blue'], 'colour', /unknown column 'colour'/],
    ['a value past the header', ['x', '2026-09', '1', '1', '', 'stray'], 'column 6', /no header/],
  ])('names the column of %s', (_label, cells, field, reason) => {
    const row = mapImportRow(['uscc', 'period', 'value_added', 'output_value', 'colour'], cells);
    expect(row.issues).toEqual([{ field, reason: expect.stringMatching(reason) }]);
  });

  it('accepts an unknown column whose cells are empty', () => {
    expect(mapImportRow(['uscc', 'period', 'notes'], ['x', '2026-09', '']).issues).toEqual([]);
  });

  it.each([
    ['valueAdded', 'value_added'],
    ['water.newWaterM3', 'new_water_m3'],
    ['solidWaste.utilisedT', 'solid_waste_utilised_t'],
    ['renewables.pv.selfConsumedKwh', 'own_pv_kwh'],
    ['energy[1].quantity', 'raw_coal_t'],
    ['energy', 'energy'],
    ['reason', 'reason'],
  ])('translates the field %s back to the column %s', (field, column) => {
    expect(importColumnOfField(field, ['electricity_kwh', 'raw_coal_t'])).toBe(column);
  });

  it('refuses a header without the required columns or with a repeated one', () => {
    expect(importHeaderIssues(['uscc', 'period', 'value_added', 'output_value'])).toEqual([]);
    expect(importHeaderIssues(['uscc', 'uscc', 'value_added']).map((i) => i.field)).toEqual(['uscc', 'period', 'output_value']);
  });
});
