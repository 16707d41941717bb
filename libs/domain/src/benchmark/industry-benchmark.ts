export interface BenchmarkMember {
  revision: number;
  co2Tonnes: number;
  /** 10,000 yuan. */
  valueAdded: number;
  /** GB/T 2260 county-level code; members stored before regions were kept have none. */
  regionCode?: string;
  /** The member's report was withdrawn at `revision`: it is not counted (its figures are 0) until a newer revision. */
  withdrawn?: boolean;
}

/** A member's withdrawal: from `revision` on, the benchmark no longer counts it. */
export interface BenchmarkWithdrawal {
  uscc: string;
  revision: number;
  regionCode?: string;
  withdrawn: true;
}

/** The part of a benchmark's totals that comes from one region's members. */
export interface RegionTotals {
  enterpriseCount: number;
  co2Milli: number;
  valueAddedMilli: number;
}

/**
 * One industry division's carbon benchmark for one period. Totals are kept in exact integer thousandths (kg of CO2,
 * 10 yuan of value added), so adding and removing members in any order gives the same totals to the last digit.
 */
export interface BenchmarkTotals {
  /** Starts at 1; increments once for every batch of members that changed it. */
  version: number;
  enterpriseCount: number;
  co2Milli: number;
  valueAddedMilli: number;
  /**
   * The same totals split by region, keyed by every prefix of the members' region codes (2 digits: province, 4:
   * prefecture, 6: county), so that a regulator's share is one lookup. Absent on benchmarks kept before regions were.
   */
  regions?: Record<string, RegionTotals>;
}

export interface BenchmarkKey {
  industryDivision: string;
  period: string;
}

export interface BenchmarkFigures {
  enterpriseCount: number;
  totalCo2Tonnes: number;
  totalValueAdded: number;
  /** Total CO2 / total value added: weighted by value added, not a mean of ratios. */
  carbonIntensity: number;
}

const milli = (value: number) => Math.round(value * 1000);

/**
 * Takes a batch of members' figures and withdrawals (in arrival order) into a benchmark. A member's older revision,
 * or the same revision with the same figures, changes nothing. A withdrawal (a newer revision) takes a counted member
 * out: count, totals and its regions' totals go down; a later revision counts it again. Returns the new totals, the
 * members that changed (each once with its last figures) and those removed (each once), or nothing changed (and the
 * totals as they were).
 */
export function applyBenchmarkMembers<M extends BenchmarkMember & { uscc: string }, W extends BenchmarkWithdrawal = BenchmarkWithdrawal>(
  current: BenchmarkTotals | undefined,
  stored: ReadonlyMap<string, BenchmarkMember>,
  incoming: readonly (M | W)[],
): { totals: BenchmarkTotals; changed: M[]; removed: W[] } {
  const totals: BenchmarkTotals = current
    ? { ...current, regions: cloneRegions(current.regions ?? {}) }
    : { version: 0, enterpriseCount: 0, co2Milli: 0, valueAddedMilli: 0, regions: {} };
  const regions = totals.regions!;
  const now = new Map<string, BenchmarkMember>(stored);
  const changed = new Map<string, M>();
  const removed = new Map<string, W>();
  const takeOut = (before: BenchmarkMember) => {
    totals.co2Milli -= milli(before.co2Tonnes);
    totals.valueAddedMilli -= milli(before.valueAdded);
    totals.enterpriseCount -= 1;
    addToRegions(regions, before, -1);
  };
  for (const member of incoming) {
    const before = now.get(member.uscc);
    if (isWithdrawal(member)) {
      if (before && member.revision <= before.revision) continue;
      now.set(member.uscc, { revision: member.revision, co2Tonnes: 0, valueAdded: 0, ...(member.regionCode ? { regionCode: member.regionCode } : {}), withdrawn: true });
      if (!before || before.withdrawn) continue;
      takeOut(before);
      changed.delete(member.uscc);
      removed.set(member.uscc, member);
      continue;
    }
    if (!(member.valueAdded > 0) || !(member.co2Tonnes >= 0) || !Number.isFinite(member.co2Tonnes + member.valueAdded)) {
      throw new RangeError(`benchmark member ${member.uscc} needs CO2 >= 0 and value added > 0`);
    }
    if (before?.withdrawn && member.revision <= before.revision) continue;
    if (before && !before.withdrawn && (member.revision < before.revision || (member.revision === before.revision && member.co2Tonnes === before.co2Tonnes && member.valueAdded === before.valueAdded))) {
      continue;
    }
    if (before && !before.withdrawn) takeOut(before);
    totals.enterpriseCount += 1;
    totals.co2Milli += milli(member.co2Tonnes);
    totals.valueAddedMilli += milli(member.valueAdded);
    addToRegions(regions, member, 1);
    now.set(member.uscc, member);
    removed.delete(member.uscc);
    changed.set(member.uscc, member);
  }
  if (changed.size === 0 && removed.size === 0) return { totals: current ?? totals, changed: [], removed: [] };
  totals.version += 1;
  return { totals, changed: [...changed.values()], removed: [...removed.values()] };
}

function isWithdrawal(member: BenchmarkMember | BenchmarkWithdrawal): member is BenchmarkWithdrawal {
  return member.withdrawn === true;
}

/** Region code prefixes a member counts under: province, prefecture and county. */
export function regionPrefixes(regionCode: string): string[] {
  return [regionCode.slice(0, 2), regionCode.slice(0, 4), regionCode.slice(0, 6)];
}

function addToRegions(regions: Record<string, RegionTotals>, member: BenchmarkMember, sign: 1 | -1): void {
  if (!member.regionCode) return;
  for (const prefix of regionPrefixes(member.regionCode)) {
    const region = (regions[prefix] ??= { enterpriseCount: 0, co2Milli: 0, valueAddedMilli: 0 });
    region.enterpriseCount += sign;
    region.co2Milli += sign * milli(member.co2Tonnes);
    region.valueAddedMilli += sign * milli(member.valueAdded);
    if (region.enterpriseCount === 0) delete regions[prefix];
  }
}

function cloneRegions(regions: Record<string, RegionTotals>): Record<string, RegionTotals> {
  return Object.fromEntries(Object.entries(regions).map(([prefix, r]) => [prefix, { ...r }]));
}

export function benchmarkFigures(totals: RegionTotals): BenchmarkFigures {
  return {
    enterpriseCount: totals.enterpriseCount,
    totalCo2Tonnes: totals.co2Milli / 1000,
    totalValueAdded: totals.valueAddedMilli / 1000,
    carbonIntensity: totals.valueAddedMilli > 0 ? totals.co2Milli / totals.valueAddedMilli : 0,
  };
}
