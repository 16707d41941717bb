import { DecisionChange } from '../decision';
import { Assessment } from './assess';

type Outcome = Pick<Assessment, 'eligible' | 'conditionsMet'> & { ratingWithdrawn?: boolean };

/**
 * What differs between the current decision and a new assessment; empty when the decision stands. A decision whose
 * rating was withdrawn (or comes back) changes even if the outcome is the same: what it rests on is gone (or back).
 */
export function decisionChanges(current: Outcome | null, next: Outcome): DecisionChange[] {
  if (!current) return ['first'];
  const changes: DecisionChange[] = [];
  if (!current.ratingWithdrawn && next.ratingWithdrawn) changes.push('rating-withdrawn');
  if (current.ratingWithdrawn && !next.ratingWithdrawn) changes.push('rating-reinstated');
  if (current.eligible !== next.eligible) changes.push('eligible');
  const sameConditions = current.conditionsMet.length === next.conditionsMet.length && current.conditionsMet.every((met, i) => met === next.conditionsMet[i]);
  if (!sameConditions) changes.push('conditions');
  return changes;
}
