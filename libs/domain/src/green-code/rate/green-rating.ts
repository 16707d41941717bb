import { CarbonEfficiencyRating } from '../../rating/rate-carbon-efficiency';
import { EnforcementCase, IntakeWarning, VetoReason } from '../code/veto-reasons';
import { GreenIndicatorValues } from '../indicators/green-indicators';
import { GreenTier, HeadlinePeriodKind } from '../methodology/green-methodology';
import { PeriodFigures } from '../period/aggregate-period';
import { MonthFigures, PollutantPermits } from '../period/month-figures';
import { References } from '../scoring/reference-values';
import { GreenScore } from '../scoring/score-green';

export interface CohortMember {
  uscc: string;
  /** The member's indicator values for the same period, methodology and factor tables. */
  values: GreenIndicatorValues;
}

/**
 * The enterprise's industry cohort for the period: the members that receive a code (the service leaves vetoed ones
 * out). The enterprise's own entry, if listed, is replaced by the values computed from its months.
 */
export interface GreenCohort {
  /** Identifies this snapshot of the cohort (industry, period, the revisions it counts); recorded with the result. */
  version: string;
  /** The industry's carbon intensity L for the same period (the benchmark), null when unknown or withheld. */
  industryCarbonIntensity: number | null;
  members: readonly CohortMember[];
}

export interface GreenRatingInput {
  uscc: string;
  /** GB/T 4754 code the table references are looked up by. */
  industryCode: string;
  /** YYYY-MM, YYYY-Qn, YYYY or R12-YYYY-MM. */
  period: string;
  /** The latest accepted revision of each month's report that exists. */
  months: readonly MonthFigures[];
  permits: { version: string; annualT: PollutantPermits };
  enforcementCases: readonly EnforcementCase[];
  warnings: readonly IntakeWarning[];
  cohort: GreenCohort;
}

/** What a rating was computed from: fetching these again and rating gives the identical result. */
export interface GreenRatingProvenance {
  methodology: { id: string; version: string };
  /** The factor tables' version, with the grid series the methodology substituted. */
  factorTables: string;
  months: Array<{ month: string; revision: number }>;
  permits: string;
  cohort: { version: string; size: number };
  enforcementCases: string[];
  warnings: Array<{ month: string; code: string; field: string }>;
}

export interface GreenCode {
  tier: GreenTier;
  colour: { name: string; hex: string };
}

export interface GreenRating {
  uscc: string;
  industryCode: string;
  period: string;
  periodKind: HeadlinePeriodKind;
  provenance: GreenRatingProvenance;
  figures: PeriodFigures;
  indicators: GreenIndicatorValues;
  references: References;
  score: GreenScore;
  /** Zhejiang L level and K grade; null when L or the industry's L is unknown. */
  carbonEfficiency: CarbonEfficiencyRating | null;
  /** The tier the score earns in its cohort, vetoes aside. */
  scoredTier: GreenTier;
  /** The published code: null when anything vetoes it (see vetoes). */
  code: GreenCode | null;
  vetoes: VetoReason[];
  cohort: {
    /** Members scored, the enterprise included. */
    size: number;
    /** Share of the cohort scoring below, ties counting half, 0-100. */
    percentile: number;
    /** The next better tier and the total that reaches it, others held fixed (null: no place reachable). */
    nextTier: { tier: GreenTier; scoreNeeded: number | null } | null;
  };
}
