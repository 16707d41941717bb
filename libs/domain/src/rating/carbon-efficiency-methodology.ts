export type CarbonLevel = 'low' | 'medium' | 'high';
export type CarbonEfficiencyGrade = 1 | 2 | 3 | 4 | 5;

/** Bands are checked in order; a value at a band's upper bound belongs to that (better) band. */
export interface CarbonEfficiencyMethodology {
  id: string;
  version: string;
  source: string;
  /** K and L are rounded to this many decimals before classifying, so float noise cannot cross a boundary. */
  decimals: number;
  /** By carbon intensity L (t CO2 per 10,000 yuan); `upTo: null` is unbounded. */
  levels: ReadonlyArray<{ level: CarbonLevel; upTo: number | null; source: string }>;
  /** By K = L / industry L. */
  grades: ReadonlyArray<{ grade: CarbonEfficiencyGrade; upTo: number | null; source: string }>;
}

export const CURRENT_CARBON_EFFICIENCY_VERSION = 'db33t1347-2023.1';

const DB33 =
  'DB33/T 1347-2023, Zhejiang industrial carbon-efficiency code (m.yzwku.com/doc/493133.html; m.yzwku.com/doc/818027.html)';

export const CARBON_EFFICIENCY_METHODOLOGIES: Readonly<Record<string, CarbonEfficiencyMethodology>> = {
  'db33t1347-2023.1': {
    id: 'zhejiang-carbon-efficiency',
    version: 'db33t1347-2023.1',
    source: DB33,
    decimals: 4,
    levels: [
      { level: 'low', upTo: 0.6, source: DB33 },
      { level: 'medium', upTo: 2.0, source: DB33 },
      { level: 'high', upTo: null, source: DB33 },
    ],
    grades: [
      { grade: 1, upTo: 0.6, source: DB33 },
      { grade: 2, upTo: 0.8, source: DB33 },
      { grade: 3, upTo: 1.2, source: DB33 },
      { grade: 4, upTo: 2.0, source: DB33 },
      { grade: 5, upTo: null, source: DB33 },
    ],
  },
};

export const CURRENT_CARBON_EFFICIENCY_METHODOLOGY: CarbonEfficiencyMethodology =
  CARBON_EFFICIENCY_METHODOLOGIES[CURRENT_CARBON_EFFICIENCY_VERSION];
