import { FactorTableSet } from '../../methodology/factor-table-set';
import { GreenIndicatorId, GreenMethodology } from '../methodology/green-methodology';
import { GreenRating, GreenRatingInput } from '../rate/green-rating';
import { rateGreenEfficiency } from '../rate/rate-green-efficiency';
import { applyWhatIf } from './apply-what-if';
import { WhatIfChange } from './what-if-change';

export interface GreenSimulation {
  changes: WhatIfChange[];
  current: GreenRating;
  /** The rating with the changes applied; its provenance names the same inputs, the changes are what differ. */
  simulated: GreenRating;
  /** Indicators whose value moved, with before and after. */
  moved: Array<{ indicator: GreenIndicatorId; from: number | null; to: number | null }>;
}

/**
 * What a rating would be with hypothetical changes to the enterprise's figures: indicators, score, tier and K grade
 * recomputed. The cohort's other members and the industry's L are held as they are (the enterprise's own values take
 * part in cohort-derived references, as they would in a real rating).
 */
export function simulateGreenRating(input: GreenRatingInput, changes: readonly WhatIfChange[], methodology: GreenMethodology, tables: FactorTableSet): GreenSimulation {
  const current = rateGreenEfficiency(input, methodology, tables);
  const simulated = rateGreenEfficiency({ ...input, months: applyWhatIf(input.months, changes) }, methodology, tables);
  const moved = (Object.keys(current.indicators) as GreenIndicatorId[])
    .filter((id) => current.indicators[id] !== simulated.indicators[id])
    .map((id) => ({ indicator: id, from: current.indicators[id], to: simulated.indicators[id] }));
  return { changes: [...changes], current, simulated, moved };
}
