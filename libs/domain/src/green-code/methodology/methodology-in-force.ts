import { GreenMethodology } from './green-methodology';

const lastDayOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * The methodology version a period is rated under: of one methodology id, the version with the latest effective
 * date on or before the period's last day (YYYY-MM of its last month); null when none is in force yet.
 */
export function greenMethodologyInForce(methodologies: readonly GreenMethodology[], id: string, periodLastMonth: string): GreenMethodology | null {
  const end = lastDayOf(periodLastMonth);
  const inForce = methodologies.filter((m) => m.id === id && m.effectiveFrom <= end).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version.localeCompare(a.version));
  return inForce[0] ?? null;
}
