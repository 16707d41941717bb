import { CANONICAL_UNIT, ENERGY_CARRIERS, EnergyCarrier } from '../energy/energy-carrier';
import { RENEWABLE_SOURCES } from './report-figures';

/**
 * The columns of a bulk import file (wide: one row per enterprise and period), each mapped to a field of the body that
 * `POST /v1/enterprises/{uscc}/reports` takes, so a row is validated by the same schema. Energy columns are named
 * `<carrier>_<canonical unit>` and give the quantity in that unit; the other figures carry their unit in their name.
 */
export interface ImportColumn {
  name: string;
  /** Where the cell goes in the report body (energy columns: the carrier instead). */
  field?: string;
  carrier?: EnergyCarrier;
  kind: 'text' | 'number';
  description: string;
  /** What the template's example row shows. */
  example: string;
}

const unitSuffix = (carrier: EnergyCarrier) => CANONICAL_UNIT[carrier].toLowerCase();

/** The column of an energy carrier, e.g. `electricity_kwh`, `natural_gas_m3`, `heat_gj`. */
export function energyColumnName(carrier: EnergyCarrier): string {
  return `${carrier}_${unitSuffix(carrier)}`;
}

const ENERGY_EXAMPLES: Partial<Record<EnergyCarrier, string>> = { electricity: '1000000', raw_coal: '50', natural_gas: '20000', diesel: '2.5', heat: '300' };

const text = (name: string, field: string | undefined, description: string, example: string): ImportColumn => ({ name, field, kind: 'text', description, example });
const num = (name: string, field: string, description: string, example = ''): ImportColumn => ({ name, field, kind: 'number', description, example });

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  text('uscc', undefined, 'unified social credit code of the enterprise (18 characters); required', ''),
  text('facility', undefined, "facility (plant) id from the enterprise's profile in force for the period; empty: the enterprise as a whole", ''),
  text('period', 'period', 'month, YYYY-MM; required; not in the future', '2026-09'),
  num('value_added', 'valueAdded', 'value added, 10,000 yuan; required, > 0', '1250.5'),
  num('output_value', 'outputValue', 'gross output value, 10,000 yuan; required, >= 0', '5300'),
  ...ENERGY_CARRIERS.map(
    (carrier): ImportColumn => ({ name: energyColumnName(carrier), carrier, kind: 'number', description: `${carrier.replace(/_/g, ' ')} consumed, ${CANONICAL_UNIT[carrier]}`, example: ENERGY_EXAMPLES[carrier] ?? '' }),
  ),
  ...RENEWABLE_SOURCES.flatMap((source) => [
    num(`own_${source}_kwh`, `renewables.${source}.selfConsumedKwh`, `own ${source} generation used on site, kWh`, source === 'pv' ? '200000' : ''),
    num(`own_${source}_exported_kwh`, `renewables.${source}.exportedKwh`, `own ${source} generation exported to the grid, kWh (needs own_${source}_kwh)`),
  ]),
  num('green_certificates_kwh', 'greenElectricity.certificatesKwh', 'green electricity bought with green certificates, kWh'),
  num('green_trading_kwh', 'greenElectricity.tradingKwh', 'green electricity bought through green power trading, kWh'),
  num('new_water_m3', 'water.newWaterM3', 'new water withdrawn, m3', '900'),
  num('reused_water_m3', 'water.reusedM3', 'water reused, m3 (needs new_water_m3)', '2100'),
  num('solid_waste_generated_t', 'solidWaste.generatedT', 'general industrial solid waste generated, t', '40'),
  num('solid_waste_utilised_t', 'solidWaste.utilisedT', 'solid waste utilised (including prior stock), t; at most generated + prior stock utilised', '38'),
  num('solid_waste_prior_stock_utilised_t', 'solidWaste.priorStockUtilisedT', 'prior stock utilised in the period, t'),
  num('solid_waste_disposed_t', 'solidWaste.disposedT', 'solid waste disposed, t'),
  num('solid_waste_stored_t', 'solidWaste.storedT', 'solid waste stored, t'),
  num('hazardous_waste_generated_t', 'hazardousWaste.generatedT', 'hazardous waste generated, t'),
  num('hazardous_waste_disposed_compliantly_t', 'hazardousWaste.disposedCompliantlyT', 'hazardous waste disposed compliantly, t; at most generated'),
  num('so2_t', 'pollutants.so2T', 'SO2 emitted, t'),
  num('nox_t', 'pollutants.noxT', 'NOx emitted, t'),
  num('particulate_t', 'pollutants.particulateT', 'particulate matter emitted, t'),
  num('vocs_t', 'pollutants.vocsT', 'VOCs emitted, t'),
  num('cod_t', 'pollutants.codT', 'COD discharged, t'),
  num('ammonia_nitrogen_t', 'pollutants.ammoniaNitrogenT', 'ammonia nitrogen discharged, t'),
  num('headcount', 'headcount', 'employees at the end of the month (a whole number)'),
  text('reason', 'reason', 'why this row revises a period already reported (default: "bulk import <file name>")', ''),
];

const BY_NAME = new Map(IMPORT_COLUMNS.map((c) => [c.name, c]));
const BY_FIELD = new Map(IMPORT_COLUMNS.filter((c) => c.field).map((c) => [c.field!, c.name]));

/** The header cells a file must have. */
export const REQUIRED_IMPORT_COLUMNS = ['uscc', 'period', 'value_added', 'output_value'] as const;

export interface ImportCellIssue {
  /** The column, as named in the file. */
  field: string;
  reason: string;
}

export interface MappedImportRow {
  uscc: string;
  facility: string;
  /** The body as `POST /v1/enterprises/{uscc}/reports` takes it; still to be validated with its schema. */
  body: Record<string, unknown>;
  /** The column of each entry of `body.energy`, in order, to name energy errors by column. */
  energyColumns: string[];
  /** What could not even be put in the body: unknown columns with a value, cells that are not numbers. */
  issues: ImportCellIssue[];
}

/** Header problems that make the whole file unusable (missing required columns, repeated or blank names). */
export function importHeaderIssues(header: readonly string[]): ImportCellIssue[] {
  const issues: ImportCellIssue[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') return;
    if (seen.has(name)) issues.push({ field: name, reason: `column ${name} appears more than once (column ${i + 1})` });
    seen.add(name);
  });
  for (const name of REQUIRED_IMPORT_COLUMNS) if (!seen.has(name)) issues.push({ field: name, reason: `the header has no ${name} column` });
  return issues;
}

/**
 * One row of the file as a report body. Empty cells are "not reported" and leave the field out. A cell under an unknown
 * column is an error only when it holds a value (like an unknown field in the JSON body), so a spare column of notes
 * that stays empty does no harm.
 */
export function mapImportRow(header: readonly string[], cells: readonly string[]): MappedImportRow {
  const body: Record<string, unknown> = {};
  const energy: Array<{ carrier: string; quantity: number; unit: string }> = [];
  const energyColumns: string[] = [];
  const issues: ImportCellIssue[] = [];
  let uscc = '';
  let facility = '';
  header.forEach((name, i) => {
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    const column = BY_NAME.get(name);
    if (!column) {
      issues.push({ field: name || `column ${i + 1}`, reason: `unknown column ${name ? `'${name}'` : `${i + 1} (no header)`}; the template lists every accepted column` });
      return;
    }
    if (name === 'uscc') uscc = cell.toUpperCase();
    else if (name === 'facility') facility = cell;
    else if (column.kind === 'text') setPath(body, column.field!, cell);
    else {
      const value = parseNumber(cell);
      if (value === undefined) issues.push({ field: name, reason: `'${cell}' is not a number` });
      else if (column.carrier) {
        energy.push({ carrier: column.carrier, quantity: value, unit: CANONICAL_UNIT[column.carrier] });
        energyColumns.push(name);
      } else setPath(body, column.field!, value);
    }
  });
  for (let i = header.length; i < cells.length; i++) {
    if ((cells[i] ?? '').trim() !== '') issues.push({ field: `column ${i + 1}`, reason: `a value in column ${i + 1}, which has no header` });
  }
  body.energy = energy;
  return { uscc, facility, body, energyColumns, issues };
}

/**
 * The column a field of the report body comes from, as the report schema names it (`water.newWaterM3`,
 * `energy[2].quantity`), so an error names what the user sees in the file.
 */
export function importColumnOfField(field: string, energyColumns: readonly string[]): string {
  const energy = /^energy\[(\d+)\]/.exec(field);
  if (energy) return energyColumns[Number(energy[1])] ?? 'energy';
  if (field === 'energy') return 'energy';
  for (let f = field; f; f = f.includes('.') ? f.slice(0, f.lastIndexOf('.')) : '') {
    const column = BY_FIELD.get(f);
    if (column) return column;
  }
  return field;
}

/** Numbers as a spreadsheet exports them: plain decimals, optionally with an exponent; nothing else. */
function parseNumber(cell: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell)) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}
