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

/** A period whose rating was withdrawn with its report: from which benchmark version and report revision, and when. */
export interface WithdrawnPeriod {
  benchmarkVersion: number;
  indicatorsRevision: number;
  withdrawnAt: string;
}

/** The withdrawal of a period's rating (its report was withdrawn): the period has no rating from then on. */
export interface RatingWithdrawalEntry {
  period: string;
  withdrawn: true;
  ratedAt: string;
  /** The rating the period had. */
  previous: PreviousRating | null;
}

/** One change of an enterprise's rating in some period, or its withdrawal; silent refreshes of K leave no entry. */
export type RatingHistoryEntry = RatedHistoryEntry | RatingWithdrawalEntry;

export function isWithdrawalEntry(entry: RatingHistoryEntry): entry is RatingWithdrawalEntry {
  return 'withdrawn' in entry && entry.withdrawn === true;
}

export interface RatedHistoryEntry {
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
