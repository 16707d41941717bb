import { GreenRating } from './green-rating';

type Comparable = Pick<GreenRating, 'code' | 'carbonEfficiency' | 'provenance'>;

/**
 * Whether a new green rating is worth announcing: the code (tier, or withheld), the K grade or L level, or the
 * methodology differ. A score or K that moved within its band does not count.
 */
export function greenRatingChanged(a: Comparable | undefined, b: Comparable | undefined): boolean {
  if (!a || !b) return a !== b;
  return (
    a.code?.tier !== b.code?.tier ||
    a.carbonEfficiency?.grade !== b.carbonEfficiency?.grade ||
    a.carbonEfficiency?.level !== b.carbonEfficiency?.level ||
    a.provenance.methodology.id !== b.provenance.methodology.id ||
    a.provenance.methodology.version !== b.provenance.methodology.version
  );
}
