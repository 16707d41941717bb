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
  fuels: Readonly<Record<Exclude<EnergyCarrier, 'electricity'>, FuelFactorRow>>;
}

export const CURRENT_EMISSION_FACTOR_VERSION = 'mee-2023.1';

const MEE =
  'Ministry of Ecology and Environment with the National Bureau of Statistics, national average grid factor (daydaynews.cc/zh-hant/finance/3899452.html; 163.com/dy/article/KIQVBKCG05567I2C.html; tanpaifang.com/tanguwen/2023/0215/94510.html)';
const FUEL = 'National guideline defaults via pmc.ncbi.nlm.nih.gov/articles/PMC10632432 table 2 (verify against the industry accounting guidelines)';
const IPCC_LPG = 'IPCC 2006 Guidelines vol. 2 defaults: NCV 47.3 TJ/Gg x 63,100 kg CO2/TJ';

export const EMISSION_FACTOR_TABLES: Readonly<Record<string, EmissionFactorTable>> = {
  'mee-2023.1': {
    version: 'mee-2023.1',
    grid: [
      { year: 2021, tco2PerMwh: 0.5568, source: MEE },
      { year: 2022, tco2PerMwh: 0.5366, source: MEE },
      { year: 2023, tco2PerMwh: 0.5306, source: MEE },
    ],
    fuels: {
      raw_coal: { tco2PerUnit: 1.98, unit: 'tCO2/t', source: FUEL, check: true },
      coke: { tco2PerUnit: 2.86, unit: 'tCO2/t', source: FUEL, check: true },
      fuel_oil: { tco2PerUnit: 3.17, unit: 'tCO2/t', source: FUEL, check: true },
      gasoline: { tco2PerUnit: 2.93, unit: 'tCO2/t', source: FUEL, check: true },
      diesel: { tco2PerUnit: 3.1, unit: 'tCO2/t', source: FUEL, check: true },
      natural_gas: { tco2PerUnit: 0.00216, unit: 'tCO2/m3 (21.6 t per 10^4 m3)', source: FUEL, check: true },
      lpg: { tco2PerUnit: 2.985, unit: 'tCO2/t', source: IPCC_LPG, check: true },
      heat: { tco2PerUnit: 0.11, unit: 'tCO2/GJ', source: FUEL, check: true },
    },
  },
};
