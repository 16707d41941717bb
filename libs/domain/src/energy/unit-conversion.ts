import { fail, ok, Result } from '../result';
import { CANONICAL_UNIT, ENERGY_CARRIERS, EnergyCarrier, isEnergyCarrier } from './energy-carrier';
import { UNIT_CONVERSIONS } from './unit-conversion-table';

export interface EnergyQuantity {
  carrier: EnergyCarrier;
  quantity: number;
  /** Always the carrier's canonical unit. */
  unit: string;
}

export function normalizeQuantity(carrier: string, quantity: number, unit: string): Result<EnergyQuantity> {
  if (!isEnergyCarrier(carrier)) {
    return fail(`unknown energy carrier '${carrier}'; allowed: ${ENERGY_CARRIERS.join(', ')}`);
  }
  const units = UNIT_CONVERSIONS[carrier];
  const conversion = Object.prototype.hasOwnProperty.call(units, unit) ? units[unit] : undefined;
  if (!conversion) {
    return fail(`unit '${unit}' is not accepted for ${carrier}; allowed: ${Object.keys(units).join(', ')}`);
  }
  if (!Number.isFinite(quantity)) return fail(`quantity of ${carrier} must be a finite number; got ${quantity}`);
  if (quantity < 0) return fail(`quantity of ${carrier} must not be negative; got ${quantity}`);
  return ok({ carrier, quantity: quantity * conversion.toCanonical, unit: CANONICAL_UNIT[carrier] });
}

/** Electricity (e.g. the enterprise's own renewable generation) in kWh. */
export function normalizeElectricity(quantity: number, unit: string): Result<number> {
  const result = normalizeQuantity('electricity', quantity, unit);
  return result.ok ? ok(result.value.quantity) : result;
}
