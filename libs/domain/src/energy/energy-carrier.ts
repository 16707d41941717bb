export const ENERGY_CARRIERS = [
  'electricity',
  'raw_coal',
  'washed_coal',
  'coke',
  'natural_gas',
  'natural_gas_oilfield',
  'coke_oven_gas',
  'refinery_dry_gas',
  'crude_oil',
  'diesel',
  'gasoline',
  'kerosene',
  'fuel_oil',
  'lpg',
  'heat',
  'steam_low_pressure',
  'steam_high_pressure',
] as const;

export type EnergyCarrier = (typeof ENERGY_CARRIERS)[number];

/** The unit every quantity of a carrier is stored and computed in. */
export const CANONICAL_UNIT: Readonly<Record<EnergyCarrier, string>> = {
  electricity: 'kWh',
  raw_coal: 't',
  washed_coal: 't',
  coke: 't',
  natural_gas: 'm3',
  natural_gas_oilfield: 'm3',
  coke_oven_gas: 'm3',
  refinery_dry_gas: 't',
  crude_oil: 't',
  diesel: 't',
  gasoline: 't',
  kerosene: 't',
  fuel_oil: 't',
  lpg: 't',
  /** Purchased heat. */
  heat: 'GJ',
  /** Steam below 0.3 MPa. */
  steam_low_pressure: 't',
  /** Steam at about 10 MPa. */
  steam_high_pressure: 't',
};

export function isEnergyCarrier(value: string): value is EnergyCarrier {
  return (ENERGY_CARRIERS as readonly string[]).includes(value);
}
