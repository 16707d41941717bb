import { Direction, ReferencePair } from '../methodology/green-methodology';

/** Whether a is at least as good as b for the indicator's direction. */
export const atLeastAsGood = (a: number, b: number, direction: Direction): boolean => (direction === 'lower-is-better' ? a <= b : a >= b);

/**
 * The share (0-1) of an indicator's points a value earns: 0 at or worse than the baseline, 1 at or better than the
 * leading value, linear between. When baseline equals leading the value either reaches it (1) or not (0).
 * A pair whose leading value is worse than its baseline for the direction is a methodology error (RangeError).
 */
export function indicatorFraction(value: number, reference: ReferencePair, direction: Direction): number {
  const { baseline, leading } = reference;
  if (!atLeastAsGood(leading, baseline, direction)) {
    throw new RangeError(`leading value ${leading} is worse than baseline ${baseline} for a ${direction} indicator`);
  }
  if (atLeastAsGood(value, leading, direction)) return 1;
  if (atLeastAsGood(baseline, value, direction)) return 0;
  return (value - baseline) / (leading - baseline);
}

/** The value that earns a given fraction (0-1) of the points: the inverse of indicatorFraction between the references. */
export function valueForFraction(fraction: number, reference: ReferencePair): number {
  return reference.baseline + fraction * (reference.leading - reference.baseline);
}
