import { comparePeriods, parsePeriod } from '@gec/domain';
import { LatestRating } from '../latest-rating';

type RatingTime = Pick<LatestRating, 'period' | 'ratedAt'>;

/**
 * Whether an incoming rating replaces the stored one as the enterprise's latest: a later period does,
 * an earlier one never does; within the same period the one rated last wins, so a replayed older event can't undo a re-rating.
 */
export function supersedes(incoming: RatingTime, stored: RatingTime): boolean {
  const byPeriod = comparePeriods(period(incoming.period), period(stored.period));
  if (byPeriod !== 0) return byPeriod > 0;
  return Date.parse(incoming.ratedAt) >= Date.parse(stored.ratedAt);
}

function period(text: string) {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}
