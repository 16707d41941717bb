import { BENCHMARK_DISCLOSURE_RULE, totalsDisclosableToMembers } from '@gec/domain';
import { Caller } from '@gec/platform';
import { isWithdrawalEntry, Rating, RatingHistoryEntry } from './rating';

/**
 * K = L / industry L, so a rating's K with its L gives the benchmark's intensity; below the minimum cohort that would
 * let a member work out a relation between the others' CO2 and value added (as the benchmark endpoint withholds).
 * Such a rating is shown with its grade and level but without K, the industry intensity and the K line of its
 * explanation, except to administrators. A rating that does not know its cohort (made before it was kept) is treated
 * as small.
 */
export function ratingView(rating: Rating, caller: Caller, minimumEnterprises: number): Rating & { withheld?: string } {
  if (shown(rating.benchmarkEnterpriseCount, caller, minimumEnterprises)) return rating;
  return {
    ...rating,
    k: null as unknown as number,
    industryCarbonIntensity: null as unknown as number,
    explanation: [rating.explanation[0], withheldReason(minimumEnterprises)].filter(Boolean),
    withheld: withheldReason(minimumEnterprises),
  };
}

export function historyEntryView(entry: RatingHistoryEntry, caller: Caller, minimumEnterprises: number): RatingHistoryEntry {
  if (isWithdrawalEntry(entry)) return entry;
  return shown(entry.benchmarkEnterpriseCount, caller, minimumEnterprises) ? entry : { ...entry, k: null };
}

function shown(count: number | undefined, caller: Caller, minimumEnterprises: number): boolean {
  return caller.role === 'admin' || (count !== undefined && totalsDisclosableToMembers(count, { minimumEnterprises }));
}

function withheldReason(minimumEnterprises: number): string {
  return `K and the industry intensity withheld: fewer than ${minimumEnterprises} enterprises in the benchmark (${BENCHMARK_DISCLOSURE_RULE.version})`;
}
