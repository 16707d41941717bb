import { EnergyCarrier } from '../energy/energy-carrier';

export interface CoalEquivalentRow {
  /** Tonnes of standard coal equivalent per canonical unit of the carrier. */
  tcePerUnit: number;
  unit: string;
  /** The figure as published. */
  published: string;
  source: string;
  /** A default an administrator may override. */
  check?: boolean;
}

export interface CoalEquivalentTable {
  version: string;
  /** Older versions cover fewer carriers; a report using a carrier its version lacks is computed with a newer one. */
  rows: Readonly<Partial<Record<EnergyCarrier, CoalEquivalentRow>>>;
}

export const CURRENT_COAL_EQUIVALENT_VERSION = 'gbt2589-2020.2';

const APPENDIX_A = 'GB/T 2589-2020 appendix A (reprint: msthinker.com/zhuanjia/article-134429.html; nimonik.com.cn FAQ b7013)';
const HEAT = 'GB/T 2589-2020 appendix A (reprint: 360docs.net/doc/665015381.html)';
const VERSION_1_ROWS = {
  electricity: { tcePerUnit: 0.0001229, unit: 'tce/kWh', published: '0.1229 kgce/kWh (equivalent value)', source: APPENDIX_A },
  raw_coal: { tcePerUnit: 0.7143, unit: 'tce/t', published: '0.7143 kgce/kg', source: APPENDIX_A },
  coke: { tcePerUnit: 0.9714, unit: 'tce/t', published: '0.9714 kgce/kg', source: APPENDIX_A },
  natural_gas: { tcePerUnit: 0.0012143, unit: 'tce/m3', published: '1.2143 kgce/m3 (gas field)', source: APPENDIX_A },
  diesel: { tcePerUnit: 1.4571, unit: 'tce/t', published: '1.4571 kgce/kg', source: APPENDIX_A },
  gasoline: { tcePerUnit: 1.4714, unit: 'tce/t', published: '1.4714 kgce/kg', source: APPENDIX_A },
  fuel_oil: { tcePerUnit: 1.4286, unit: 'tce/t', published: '1.4286 kgce/kg', source: APPENDIX_A },
  lpg: { tcePerUnit: 1.7143, unit: 'tce/t', published: '1.7143 kgce/kg', source: APPENDIX_A },
  heat: { tcePerUnit: 0.03412, unit: 'tce/GJ', published: '0.03412 kgce/MJ', source: HEAT },
} as const;

export const COAL_EQUIVALENT_TABLES: Readonly<Record<string, CoalEquivalentTable>> = {
  'gbt2589-2020.1': { version: 'gbt2589-2020.1', rows: VERSION_1_ROWS },
  // Every carrier of appendix A, for the full report.
  'gbt2589-2020.2': {
    version: 'gbt2589-2020.2',
    rows: {
      ...VERSION_1_ROWS,
      washed_coal: { tcePerUnit: 0.9, unit: 'tce/t', published: '0.9000 kgce/kg (washed clean coal)', source: APPENDIX_A },
      crude_oil: { tcePerUnit: 1.4286, unit: 'tce/t', published: '1.4286 kgce/kg', source: APPENDIX_A },
      kerosene: { tcePerUnit: 1.4714, unit: 'tce/t', published: '1.4714 kgce/kg', source: APPENDIX_A },
      refinery_dry_gas: { tcePerUnit: 1.5714, unit: 'tce/t', published: '1.5714 kgce/kg', source: APPENDIX_A },
      natural_gas_oilfield: { tcePerUnit: 0.00133, unit: 'tce/m3', published: '1.3300 kgce/m3 (oil field)', source: APPENDIX_A },
      coke_oven_gas: { tcePerUnit: 0.00059285, unit: 'tce/m3', published: '0.5714 to 0.6143 kgce/m3 (midpoint used)', source: APPENDIX_A, check: true },
      steam_low_pressure: { tcePerUnit: 0.0786, unit: 'tce/t', published: '0.0786 kgce/kg (< 0.3 MPa)', source: HEAT, check: true },
      steam_high_pressure: { tcePerUnit: 0.1314, unit: 'tce/t', published: '0.1314 kgce/kg (10 MPa)', source: HEAT, check: true },
    },
  },
};
