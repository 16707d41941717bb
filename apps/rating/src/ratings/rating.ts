import { CarbonEfficiencyGrade, CarbonLevel } from '@gec/domain';

export interface MethodologyRef {
  id: string;
  version: string;
}

/** The rating an enterprise holds for one period, with the inputs it was computed from. */
export interface PeriodRating {
  methodology: MethodologyRef;
  level: CarbonLevel;
  grade: CarbonEfficiencyGrade;
  k: number;
  carbonIntensity: number;
  industryCarbonIntensity: number;
  benchmarkVersion: number;
  /** How many enterprises that benchmark version counts (absent on ratings made before it was kept). */
  benchmarkEnterpriseCount?: number;
  indicatorsRevision: number;
  ratedAt: string;
  explanation: string[];
}

export interface Rating extends PeriodRating {
  uscc: string;
  period: string;
}

export interface PreviousRating {
  level: CarbonLevel;
  grade: CarbonEfficiencyGrade;
  methodologyVersion: string;
}

/** One change of an enterprise's rating in some period; silent refreshes of K leave no entry. */
export interface RatingHistoryEntry {
  period: string;
  level: CarbonLevel;
  grade: CarbonEfficiencyGrade;
  methodology: MethodologyRef;
  /** Null when withheld (see `withheld`). */
  k: number | null;
  benchmarkEnterpriseCount?: number;
  ratedAt: string;
  previous: PreviousRating | null;
}

export interface RatingHistory {
  uscc: string;
  /** Newest first. */
  entries: RatingHistoryEntry[];
}
