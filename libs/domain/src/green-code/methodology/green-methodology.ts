import { CarbonEfficiencyMethodology } from '../../rating/carbon-efficiency-methodology';

/** Where a parameter comes from: a published standard, or a choice the platform made where the standard is silent. */
export interface Provenance {
  origin: 'standard' | 'platform';
  /** The standard and where it was read, or why the platform chose this. */
  source: string;
}

/** The five first-level indicators of GB/T 36132-2025. */
export const GREEN_DIMENSIONS = ['low-carbon-energy', 'efficient-resources', 'clean-production', 'green-products', 'intensive-land-use'] as const;
export type GreenDimension = (typeof GREEN_DIMENSIONS)[number];

/** The indicators the platform can compute from a period's figures (see computeGreenIndicators). */
export const GREEN_INDICATORS = [
  'energyIntensity',
  'carbonIntensity',
  'renewableElectricityShare',
  'waterIntensity',
  'waterReuseRate',
  'solidWasteUtilisationRate',
  'pollutantPermitRatio',
  'footprintProductShare',
  'valueAddedPerLandM2',
] as const;
export type GreenIndicatorId = (typeof GREEN_INDICATORS)[number];

export type Direction = 'lower-is-better' | 'higher-is-better';

export interface IndicatorWeight {
  indicator: GreenIndicatorId;
  /** Relative weight within its dimension (weights of a dimension sum to 1). */
  weight: number;
}

export interface DimensionWeight {
  dimension: GreenDimension;
  /** Points of the 100-point total. */
  points: number;
  indicators: readonly IndicatorWeight[];
}

export interface ReferencePair {
  baseline: number;
  leading: number;
}

/** Baseline and leading values per indicator, either tabled per industry or derived from the cohort's distribution. */
export type ReferenceRule =
  | {
      mode: 'table';
      /** Keyed by GB/T 4754 code prefix (longest matching prefix wins; '' is every industry). */
      byIndustry: Readonly<Record<string, Readonly<Partial<Record<GreenIndicatorId, ReferencePair>>>>>;
      provenance: Provenance;
    }
  | {
      mode: 'distribution';
      /** Percentiles of performance (100 = best), so the direction of each indicator is respected. */
      baselinePercentile: number;
      leadingPercentile: number;
      /** Below this many cohort values an indicator has no reference and is treated as missing. */
      minimumValues: number;
      provenance: Provenance;
    };

export const GREEN_TIERS = ['A+', 'A', 'B', 'C', 'D'] as const;
export type GreenTier = (typeof GREEN_TIERS)[number];

export type TierRule =
  | {
      mode: 'share';
      /** Members scoring at least this are ranked into the shared tiers; the rest fall to the threshold tiers. */
      qualifyingScore: number;
      /** Best first; shares of the qualifying members, summing to 1. */
      shares: ReadonlyArray<{ tier: GreenTier; share: number }>;
      /** For members below the qualifying score, best first; the last band's minScore must be 0. */
      belowQualifying: ReadonlyArray<{ tier: GreenTier; minScore: number }>;
      provenance: Provenance;
    }
  | {
      mode: 'threshold';
      /** Best first; a total at a band's minScore belongs to that band; the last minScore must be 0. */
      bands: ReadonlyArray<{ tier: GreenTier; minScore: number }>;
      provenance: Provenance;
    };

export type ViolationSeverity = 'minor' | 'general' | 'serious' | 'major';

export interface VetoRules {
  /** Enforcement cases of these severities dated within the period withhold the code. */
  violationSeverities: readonly ViolationSeverity[];
  /** Unresolved intake warnings on any month of the period withhold the code. */
  unresolvedWarnings: boolean;
  /** Months of the period that may be missing before the period is not rated (0: every month is needed). */
  allowedMissingMonths: number;
  provenance: Provenance;
}

/** Which grid emission factor the carbon figures use (methodology reference section 2). */
export type GridBasis =
  | { basis: 'national-average' }
  | { basis: 'excluding-market-non-fossil' }
  | { basis: 'regional'; grid: RegionalGrid };

export type RegionalGrid = 'north' | 'northeast' | 'east' | 'central' | 'northwest' | 'south' | 'southwest';

export type HeadlinePeriodKind = 'month' | 'quarter' | 'year' | 'rolling-12';

export interface GreenMethodology {
  id: string;
  version: string;
  /** YYYY-MM-DD: ratings of periods ending on or after this day use this version. */
  effectiveFrom: string;
  note: string;
  sources: readonly string[];
  grid: GridBasis & { provenance: Provenance };
  headlinePeriod: { kind: HeadlinePeriodKind; provenance: Provenance };
  /** Zhejiang K grades and L levels. */
  carbonEfficiency: CarbonEfficiencyMethodology;
  directions: Readonly<Record<GreenIndicatorId, Direction>>;
  dimensions: readonly DimensionWeight[];
  dimensionProvenance: Provenance;
  /** How pollutantPermitRatio combines pollutants: the sum of amount/permitted, or the worst single ratio. */
  pollutants: { aggregation: 'sum' | 'worst'; provenance: Provenance };
  /** 'redistribute': a missing indicator's weight goes to the reported ones of its dimension (see scoreGreen). */
  missingIndicators: { rule: 'redistribute'; provenance: Provenance };
  references: ReferenceRule;
  tiers: TierRule;
  colours: Readonly<Record<GreenTier, { name: string; hex: string }>>;
  coloursProvenance: Provenance;
  vetoes: VetoRules;
  /** Decimals scores are rounded to before tiering, so float noise cannot cross a bound. */
  decimals: number;
}

export const methodologyKey = (m: { id: string; version: string }): string => `${m.id}@${m.version}`;
