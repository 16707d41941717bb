import { CarbonEfficiencyRating } from './rate-carbon-efficiency';

type Comparable = Pick<CarbonEfficiencyRating, 'grade' | 'level' | 'methodology'>;

/** Whether a new rating is worth announcing: grade, level or methodology differ (K alone does not count). */
export function ratingChanged(a: Comparable | undefined, b: Comparable | undefined): boolean {
  if (!a || !b) return a !== b;
  return (
    a.grade !== b.grade ||
    a.level !== b.level ||
    a.methodology.id !== b.methodology.id ||
    a.methodology.version !== b.methodology.version
  );
}
