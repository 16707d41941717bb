import { EnergyCarrier } from '../energy/energy-carrier';

export interface GridFactorRow {
  /** The data year the factor describes. */
  year: number;
  tco2PerMwh: number;
  source: string;
  check?: boolean;
}

export interface FuelFactorRow {
  /** Tonnes of CO2 per canonical unit of the carrier. */
  tco2PerUnit: number;
  unit: string;
  source: string;
  /** A default an administrator may override. */
  check?: boolean;
}

export interface EmissionFactorTable {
  version: string;
  /** National average grid factors, one per data year. */
  grid: readonly GridFactorRow[];
  /** Older versions cover fewer carriers. */
  fuels: Readonly<Partial<Record<Exclude<EnergyCarrier, 'electricity'>, FuelFactorRow>>>;
}

export const CURRENT_EMISSION_FACTOR_VERSION = 'mee-2023.2';

const MEE =
  'Ministry of Ecology and Environment with the National Bureau of Statistics, national average grid factor (daydaynews.cc/zh-hant/finance/3899452.html; 163.com/dy/article/KIQVBKCG05567I2C.html; tanpaifang.com/tanguwen/2023/0215/94510.html)';
const FUEL = 'National guideline defaults via pmc.ncbi.nlm.nih.gov/articles/PMC10632432 table 2 (verify against the industry accounting guidelines)';
const IPCC_LPG = 'IPCC 2006 Guidelines vol. 2 defaults: NCV 47.3 TJ/Gg x 63,100 kg CO2/TJ';
const IPCC_COKING_COAL = 'IPCC 2006 Guidelines vol. 2 defaults for coking coal (washed clean coal): NCV 28.2 TJ/Gg x 94,600 kg CO2/TJ';
const IPCC_REFINERY_GAS = 'IPCC 2006 Guidelines vol. 2 defaults for refinery gas: NCV 49.5 TJ/Gg x 57,600 kg CO2/TJ';
const GAS_BY_HEAT = (kgcePerM3: string, gas: string, kgPerTj: string) =>
  `heating value from GB/T 2589-2020 appendix A (${kgcePerM3} kgce/m3 x 29.307 MJ/kgce) x IPCC 2006 vol. 2 default for ${gas} (${kgPerTj} kg CO2/TJ)`;
const STEAM_AS_HEAT = (kgcePerKg: string) => `steam's heat from GB/T 2589-2020 appendix A (${kgcePerKg} kgce/kg x 29.307 MJ/kgce) x the purchased-heat factor 0.11 tCO2/GJ (${FUEL})`;

const GRID_2023 = [
  { year: 2021, tco2PerMwh: 0.5568, source: MEE },
  { year: 2022, tco2PerMwh: 0.5366, source: MEE },
  { year: 2023, tco2PerMwh: 0.5306, source: MEE },
] as const;

const VERSION_1_FUELS = {
  raw_coal: { tco2PerUnit: 1.98, unit: 'tCO2/t', source: FUEL, check: true },
  coke: { tco2PerUnit: 2.86, unit: 'tCO2/t', source: FUEL, check: true },
  fuel_oil: { tco2PerUnit: 3.17, unit: 'tCO2/t', source: FUEL, check: true },
  gasoline: { tco2PerUnit: 2.93, unit: 'tCO2/t', source: FUEL, check: true },
  diesel: { tco2PerUnit: 3.1, unit: 'tCO2/t', source: FUEL, check: true },
  natural_gas: { tco2PerUnit: 0.00216, unit: 'tCO2/m3 (21.6 t per 10^4 m3)', source: FUEL, check: true },
  lpg: { tco2PerUnit: 2.985, unit: 'tCO2/t', source: IPCC_LPG, check: true },
  heat: { tco2PerUnit: 0.11, unit: 'tCO2/GJ', source: FUEL, check: true },
} as const;

export const EMISSION_FACTOR_TABLES: Readonly<Record<string, EmissionFactorTable>> = {
  'mee-2023.1': { version: 'mee-2023.1', grid: GRID_2023, fuels: VERSION_1_FUELS },
  // Every carrier of the full report. Where the methodology reference gives no factor, a derivation from published
  // defaults, each marked check (an administrator may override it).
  'mee-2023.2': {
    version: 'mee-2023.2',
    grid: GRID_2023,
    fuels: {
      ...VERSION_1_FUELS,
      crude_oil: { tco2PerUnit: 3.02, unit: 'tCO2/t', source: FUEL, check: true },
      kerosene: { tco2PerUnit: 3.03, unit: 'tCO2/t', source: FUEL, check: true },
      washed_coal: { tco2PerUnit: 2.66772, unit: 'tCO2/t', source: IPCC_COKING_COAL, check: true },
      refinery_dry_gas: { tco2PerUnit: 2.8512, unit: 'tCO2/t', source: IPCC_REFINERY_GAS, check: true },
      natural_gas_oilfield: { tco2PerUnit: 0.0021867, unit: 'tCO2/m3', source: GAS_BY_HEAT('1.3300', 'natural gas', '56,100'), check: true },
      coke_oven_gas: { tco2PerUnit: 0.00077143, unit: 'tCO2/m3', source: GAS_BY_HEAT('0.59285', 'coke oven gas', '44,400'), check: true },
      steam_low_pressure: { tco2PerUnit: 0.253388, unit: 'tCO2/t', source: STEAM_AS_HEAT('0.0786'), check: true },
      steam_high_pressure: { tco2PerUnit: 0.423603, unit: 'tCO2/t', source: STEAM_AS_HEAT('0.1314'), check: true },
    },
  },
};
