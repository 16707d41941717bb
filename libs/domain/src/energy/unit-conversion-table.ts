import { EnergyCarrier } from './energy-carrier';

export interface UnitConversion {
  /** Multiply a quantity in this unit by the factor to get the carrier's canonical unit. */
  toCanonical: number;
  source: string;
}

const SI = 'SI prefixes (definition)';
const WAN = 'Chinese statistical unit 万立方米 (10^4 m3)';

const mass = { t: { toCanonical: 1, source: SI }, kg: { toCanonical: 0.001, source: SI } };
const gasVolume = { m3: { toCanonical: 1, source: SI }, '10^4 m3': { toCanonical: 10000, source: WAN } };

/** Input units accepted per carrier. */
export const UNIT_CONVERSIONS: Readonly<Record<EnergyCarrier, Readonly<Record<string, UnitConversion>>>> = {
  electricity: { kWh: { toCanonical: 1, source: SI }, MWh: { toCanonical: 1000, source: SI } },
  raw_coal: mass,
  washed_coal: mass,
  coke: mass,
  refinery_dry_gas: mass,
  crude_oil: mass,
  diesel: mass,
  gasoline: mass,
  kerosene: mass,
  fuel_oil: mass,
  lpg: mass,
  natural_gas: gasVolume,
  natural_gas_oilfield: gasVolume,
  coke_oven_gas: gasVolume,
  heat: { GJ: { toCanonical: 1, source: SI }, MJ: { toCanonical: 0.001, source: SI } },
  steam_low_pressure: mass,
  steam_high_pressure: mass,
};
