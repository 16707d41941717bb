import { CANONICAL_UNIT, EnergyCarrier, isEnergyCarrier } from '../energy/energy-carrier';
import { EnergyQuantity } from '../energy/unit-conversion';
import { ResourceFigures } from './report-figures';

/** A report's figures as stored: money in 10,000 yuan, energy by carrier in canonical units, the rest as named. */
export interface ReportFigureSet extends ResourceFigures {
  valueAdded: number;
  outputValue: number;
  energy: EnergyQuantity[];
}

const ENERGY = 'energy.';

/**
 * The report's figures by figure key: `valueAdded`, `outputValue`, `energy.<carrier>` (a carrier given twice counts
 * once, summed), and the other figures by their path (`water.newWaterM3`, `renewables.pv.selfConsumedKwh`).
 */
export function flattenReportFigures(report: Partial<ReportFigureSet>): Record<string, number> {
  const flat: Record<string, number> = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') flat[path] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  const { energy, ...rest } = report;
  for (const e of energy ?? []) flat[`${ENERGY}${e.carrier}`] = (flat[`${ENERGY}${e.carrier}`] ?? 0) + e.quantity;
  walk(rest, '');
  return flat;
}

/**
 * `base` with the figures of `overrides` (by figure key) put in: an energy carrier's entries replaced by one in its
 * canonical unit (or added), any other figure set at its path. `base` is not changed.
 */
export function withFigures<T extends Partial<ReportFigureSet>>(base: T, overrides: Readonly<Record<string, number>>): T {
  const result = structuredClone(base) as T & Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (key.startsWith(ENERGY)) {
      const carrier = key.slice(ENERGY.length);
      if (!isEnergyCarrier(carrier)) throw new RangeError(`unknown energy carrier in figure key ${key}`);
      result.energy = setEnergy(result.energy ?? [], carrier, value);
      continue;
    }
    const path = key.split('.');
    let node: Record<string, unknown> = result;
    for (const part of path.slice(0, -1)) {
      if (!node[part] || typeof node[part] !== 'object') node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return result;
}

function setEnergy(energy: EnergyQuantity[], carrier: EnergyCarrier, quantity: number): EnergyQuantity[] {
  const at = energy.findIndex((e) => e.carrier === carrier);
  const entry = { carrier, quantity, unit: CANONICAL_UNIT[carrier] };
  if (at < 0) return [...energy, entry];
  return [...energy.slice(0, at), entry, ...energy.slice(at + 1).filter((e) => e.carrier !== carrier)];
}
