import { applyBenchmarkMember, IndustryBenchmark } from './industry-benchmark';

const key = { industryDivision: 'C26', period: '2026-10' };
const A = '9144030071526726XG';
const B = '91330100799655058B';

function build(...members: Array<{ uscc: string; revision: number; co2Tonnes: number; valueAdded: number }>) {
  let benchmark: IndustryBenchmark | undefined;
  for (const m of members) benchmark = applyBenchmarkMember(benchmark, key, m).benchmark;
  return benchmark as IndustryBenchmark;
}

describe('applyBenchmarkMember', () => {
  it('starts a benchmark at version 1', () => {
    const { benchmark, changed } = applyBenchmarkMember(undefined, key, { uscc: A, revision: 1, co2Tonnes: 100, valueAdded: 50 });
    expect(changed).toBe(true);
    expect(benchmark).toEqual({
      ...key,
      version: 1,
      members: { [A]: { revision: 1, co2Tonnes: 100, valueAdded: 50 } },
      enterpriseCount: 1,
      totalCo2Tonnes: 100,
      totalValueAdded: 50,
      carbonIntensity: 2,
    });
  });

  it('computes industry intensity as total CO2 / total value added, not a mean of ratios', () => {
    // Ratios 1 and 0.1 would average 0.55; weighted it is 110 / 200.
    const benchmark = build({ uscc: A, revision: 1, co2Tonnes: 100, valueAdded: 100 }, { uscc: B, revision: 1, co2Tonnes: 10, valueAdded: 100 });
    expect(benchmark.enterpriseCount).toBe(2);
    expect(benchmark.carbonIntensity).toBeCloseTo(0.55, 12);
    expect(benchmark.totalCo2Tonnes).toBe(110);
    expect(benchmark.version).toBe(2);
  });

  const base = build({ uscc: A, revision: 2, co2Tonnes: 100, valueAdded: 100 }, { uscc: B, revision: 1, co2Tonnes: 10, valueAdded: 100 });

  it.each([
    ['an older revision', { uscc: A, revision: 1, co2Tonnes: 999, valueAdded: 1 }, false, 110],
    ['the same revision and figures', { uscc: A, revision: 2, co2Tonnes: 100, valueAdded: 100 }, false, 110],
    ['the same revision with new figures', { uscc: A, revision: 2, co2Tonnes: 50, valueAdded: 100 }, true, 60],
    ['a newer revision', { uscc: A, revision: 3, co2Tonnes: 30, valueAdded: 100 }, true, 40],
    ['a newer revision with the same figures', { uscc: A, revision: 3, co2Tonnes: 100, valueAdded: 100 }, true, 110],
  ])('%s -> changed %s', (_label, member, changed, totalCo2) => {
    const result = applyBenchmarkMember(base, key, member);
    expect(result.changed).toBe(changed);
    expect(result.benchmark.version).toBe(changed ? base.version + 1 : base.version);
    expect(result.benchmark.totalCo2Tonnes).toBe(totalCo2);
    expect(result.benchmark.enterpriseCount).toBe(2);
  });

  it('does not mutate the current benchmark', () => {
    const before = JSON.stringify(base);
    applyBenchmarkMember(base, key, { uscc: A, revision: 9, co2Tonnes: 1, valueAdded: 1 });
    expect(JSON.stringify(base)).toBe(before);
  });

  it.each([
    ['another key', { industryDivision: 'C27', period: '2026-10' }, { uscc: A, revision: 3, co2Tonnes: 1, valueAdded: 1 }],
    ['value added 0', key, { uscc: A, revision: 3, co2Tonnes: 1, valueAdded: 0 }],
    ['negative CO2', key, { uscc: A, revision: 3, co2Tonnes: -1, valueAdded: 1 }],
  ])('throws RangeError on %s', (_label, k, member) => {
    expect(() => applyBenchmarkMember(base, k, member)).toThrow(RangeError);
  });
});
