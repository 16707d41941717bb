export interface BenchmarkMember {
  revision: number;
  co2Tonnes: number;
  /** 10,000 yuan. */
  valueAdded: number;
}

/** One industry division's carbon benchmark for one period, built from its enterprises' latest figures. */
export interface IndustryBenchmark {
  industryDivision: string;
  period: string;
  /** Starts at 1; increments on every change. */
  version: number;
  /** Keyed by the enterprise's unified social credit code. */
  members: Record<string, BenchmarkMember>;
  enterpriseCount: number;
  totalCo2Tonnes: number;
  totalValueAdded: number;
  /** Total CO2 / total value added: weighted by value added, not a mean of ratios. */
  carbonIntensity: number;
}

export interface BenchmarkKey {
  industryDivision: string;
  period: string;
}

export function applyBenchmarkMember(
  current: IndustryBenchmark | undefined,
  key: BenchmarkKey,
  member: BenchmarkMember & { uscc: string },
): { benchmark: IndustryBenchmark; changed: boolean } {
  if (current && (current.industryDivision !== key.industryDivision || current.period !== key.period)) {
    throw new RangeError(
      `benchmark ${current.industryDivision}/${current.period} cannot take a member for ${key.industryDivision}/${key.period}`,
    );
  }
  if (!(member.valueAdded > 0) || !(member.co2Tonnes >= 0) || !Number.isFinite(member.co2Tonnes + member.valueAdded)) {
    throw new RangeError(`benchmark member ${member.uscc} needs CO2 >= 0 and value added > 0`);
  }
  const { uscc, revision, co2Tonnes, valueAdded } = member;
  const stored = current?.members[uscc];
  // A newer revision with the same figures is still stored, so that older revisions stay rejected.
  const unchanged =
    stored !== undefined &&
    (revision < stored.revision ||
      (revision === stored.revision && co2Tonnes === stored.co2Tonnes && valueAdded === stored.valueAdded));
  if (current && unchanged) return { benchmark: current, changed: false };

  const members = { ...current?.members, [uscc]: { revision, co2Tonnes, valueAdded } };
  // Sum in key order so the totals do not depend on arrival order.
  const rows = Object.keys(members).sort().map((k) => members[k]);
  const totalCo2Tonnes = rows.reduce((sum, m) => sum + m.co2Tonnes, 0);
  const totalValueAdded = rows.reduce((sum, m) => sum + m.valueAdded, 0);
  return {
    benchmark: {
      industryDivision: key.industryDivision,
      period: key.period,
      version: (current?.version ?? 0) + 1,
      members,
      enterpriseCount: rows.length,
      totalCo2Tonnes,
      totalValueAdded,
      carbonIntensity: totalCo2Tonnes / totalValueAdded,
    },
    changed: true,
  };
}
