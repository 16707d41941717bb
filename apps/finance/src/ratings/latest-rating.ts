import { Rated } from '@gec/contracts';

/** The rating of an enterprise's latest rated period, as finance keeps it from rating's events. */
export type LatestRating = RatedLatest | WithdrawnLatest;

/** The latest period's rating was withdrawn with its report: no grade, nothing to decide on. */
export interface WithdrawnLatest {
  uscc: string;
  period: string;
  withdrawn: true;
  regionCode?: string;
  ratedAt: string;
  eventId: string;
  correlationId?: string;
}

export function isWithdrawnLatest(rating: LatestRating): rating is WithdrawnLatest {
  return 'withdrawn' in rating && rating.withdrawn === true;
}

export interface RatedLatest {
  uscc: string;
  period: string;
  grade: number;
  level: Rated['level'];
  /** The enterprise's GB/T 2260 region, as rating last reported it (absent on older events). */
  regionCode?: string;
  methodologyId: string;
  methodologyVersion: string;
  ratedAt: string;
  /** The rating-changed event this came from. */
  eventId: string;
  /** Its correlation id, carried on to the decisions it leads to (not stored). */
  correlationId?: string;
}
