export const ENERGY_CARRIERS = [
  'electricity',
  'raw_coal',
  'coke',
  'natural_gas',
  'diesel',
  'gasoline',
  'fuel_oil',
  'lpg',
  'heat',
] as const;

export type EnergyCarrier = (typeof ENERGY_CARRIERS)[number];

/** The unit every quantity of a carrier is stored and computed in. */
export const CANONICAL_UNIT: Readonly<Record<EnergyCarrier, string>> = {
  electricity: 'kWh',
  raw_coal: 't',
  coke: 't',
  natural_gas: 'm3',
  diesel: 't',
  gasoline: 't',
  fuel_oil: 't',
  lpg: 't',
  heat: 'GJ',
};

export function isEnergyCarrier(value: string): value is EnergyCarrier {
  return (ENERGY_CARRIERS as readonly string[]).includes(value);
}
