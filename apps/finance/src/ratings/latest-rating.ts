import { RatingChanged } from '@gec/contracts';

/** The rating of an enterprise's latest rated period, as finance keeps it from rating's events. */
export interface LatestRating {
  uscc: string;
  period: string;
  grade: number;
  level: RatingChanged['level'];
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
