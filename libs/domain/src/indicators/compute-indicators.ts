import { CANONICAL_UNIT, EnergyCarrier } from '../energy/energy-carrier';
import { FactorTableSet } from '../methodology/factor-table-set';
import { GridFactor, gridFactorFor } from '../methodology/grid-factor-for';
import { parsePeriod } from '../period/period';

export interface IndicatorInput {
  /** YYYY-MM. */
  period: string;
  /** Value added in the period, 10,000 yuan (income method). */
  valueAdded: number;
  /** Quantities in each carrier's canonical unit (see normalizeQuantity). */
  energy: ReadonlyArray<{ carrier: EnergyCarrier; quantity: number; unit: string }>;
  ownRenewableElectricityKwh: number;
}

export interface Indicators {
  energyTce: number;
  co2Tonnes: number;
  /** Gross CO2 per carrier, before own renewable electricity is netted out. */
  co2ByCarrier: Record<string, number>;
  ownRenewableCo2AvoidedTonnes: number;
  /** tce per 10,000 yuan value added. */
  energyIntensity: number;
  /** t CO2 per 10,000 yuan value added. */
  carbonIntensity: number;
  gridFactor: GridFactor;
  factorTableVersion: string;
}

const KWH_PER_MWH = 1000;

function fuelFactor(tables: FactorTableSet, carrier: Exclude<EnergyCarrier, 'electricity'>): number {
  const row = tables.emission.fuels[carrier];
  if (!row) throw new RangeError(`no emission factor for carrier '${carrier}' in ${tables.emission.version}`);
  return row.tco2PerUnit;
}

/** Total energy in tce by the table's coefficients (quantities in canonical units). */
export function energyTceOf(energy: IndicatorInput['energy'], tables: FactorTableSet): number {
  return energy.reduce((sum, { carrier, quantity }) => {
    const coal = tables.coalEquivalent.rows[carrier];
    if (!coal) throw new RangeError(`no coal-equivalent coefficient for carrier '${carrier}' in ${tables.coalEquivalent.version}`);
    return sum + quantity * coal.tcePerUnit;
  }, 0);
}

/** Callers validate first; invalid input here is a programming error and throws RangeError. */
export function computeIndicators(input: IndicatorInput, tables: FactorTableSet): Indicators {
  if (!(input.valueAdded > 0)) throw new RangeError(`value added must be > 0; got ${input.valueAdded}`);
  const period = parsePeriod(input.period);
  if (!period.ok) throw new RangeError(period.reason);
  const gridFactor = gridFactorFor(tables.emission, period.value.year);

  let energyTce = 0;
  const co2ByCarrier: Record<string, number> = {};
  for (const { carrier, quantity, unit } of input.energy) {
    const coal = tables.coalEquivalent.rows[carrier];
    if (!coal) throw new RangeError(`no coal-equivalent coefficient for carrier '${carrier}'`);
    if (unit !== CANONICAL_UNIT[carrier]) throw new RangeError(`${carrier} must be in ${CANONICAL_UNIT[carrier]}; got ${unit}`);
    energyTce += quantity * coal.tcePerUnit;
    const co2 =
      carrier === 'electricity'
        ? (quantity / KWH_PER_MWH) * gridFactor.tco2PerMwh
        : quantity * fuelFactor(tables, carrier);
    co2ByCarrier[carrier] = (co2ByCarrier[carrier] ?? 0) + co2;
  }

  const grossCo2 = Object.values(co2ByCarrier).reduce((sum, t) => sum + t, 0);
  const ownRenewableCo2AvoidedTonnes = (input.ownRenewableElectricityKwh / KWH_PER_MWH) * gridFactor.tco2PerMwh;
  // Own generation can exceed the enterprise's own emissions; the code rates emissions, never credits, so floor at 0.
  const co2Tonnes = Math.max(0, grossCo2 - ownRenewableCo2AvoidedTonnes);

  return {
    energyTce,
    co2Tonnes,
    co2ByCarrier,
    ownRenewableCo2AvoidedTonnes,
    energyIntensity: energyTce / input.valueAdded,
    carbonIntensity: co2Tonnes / input.valueAdded,
    gridFactor,
    factorTableVersion: tables.version,
  };
}
