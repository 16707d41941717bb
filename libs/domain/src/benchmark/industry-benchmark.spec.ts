import { applyBenchmarkMembers, BenchmarkMember, benchmarkFigures } from './industry-benchmark';

const m = (uscc: string, revision: number, co2Tonnes: number, valueAdded: number) => ({ uscc, revision, co2Tonnes, valueAdded });
const none = new Map<string, BenchmarkMember>();

describe('applyBenchmarkMembers', () => {
  it('weights intensity by value added and counts each member once', () => {
    const { totals, changed } = applyBenchmarkMembers(undefined, none, [m('A', 1, 100, 1000), m('B', 1, 300, 1000)]);
    expect(totals).toEqual({ version: 1, enterpriseCount: 2, co2Milli: 400000, valueAddedMilli: 2000000, regions: {} });
    expect(benchmarkFigures(totals)).toEqual({ enterpriseCount: 2, totalCo2Tonnes: 400, totalValueAdded: 2000, carbonIntensity: 0.2 });
    expect(changed.map((c) => c.uscc)).toEqual(['A', 'B']);
  });

  it.each([
    ['an older revision', m('A', 1, 999, 1000), false],
    ['the same revision with the same figures', m('A', 2, 100, 1000), false],
    ['the same revision with other figures', m('A', 2, 150, 1000), true],
    ['a newer revision', m('A', 3, 100, 1000), true],
  ])('%s changes the benchmark: %s', (_name, incoming, changes) => {
    const first = applyBenchmarkMembers(undefined, none, [m('A', 2, 100, 1000)]).totals;
    const { totals, changed } = applyBenchmarkMembers(first, new Map([['A', m('A', 2, 100, 1000)]]), [incoming]);
    expect(changed.length > 0).toBe(changes);
    expect(totals.version).toBe(changes ? 2 : 1);
    expect(totals.enterpriseCount).toBe(1);
  });

  it('replaces a member: totals move by the difference, one version per batch, the last figures reported', () => {
    const first = applyBenchmarkMembers(undefined, none, [m('A', 1, 100, 1000), m('B', 1, 300, 1000)]).totals;
    const stored = new Map([['A', m('A', 1, 100, 1000)], ['B', m('B', 1, 300, 1000)]]);
    const { totals, changed } = applyBenchmarkMembers(first, stored, [m('A', 2, 200, 1000), m('A', 3, 50, 500)]);
    expect(totals).toEqual({ version: 2, enterpriseCount: 2, co2Milli: 350000, valueAddedMilli: 1500000, regions: {} });
    expect(changed).toEqual([m('A', 3, 50, 500)]);
  });

  it('gives the same totals whatever the order members arrive in', () => {
    const members = Array.from({ length: 50 }, (_, i) => m(`E${i}`, 1, 0.1 * (i + 1) + 1e-7 * i, 3.3 * (i + 7)));
    const forward = applyBenchmarkMembers(undefined, none, members).totals;
    const backward = applyBenchmarkMembers(undefined, none, [...members].reverse()).totals;
    expect(backward).toEqual(forward);
  });

  it('refuses a member without value added', () => {
    expect(() => applyBenchmarkMembers(undefined, none, [m('A', 1, 100, 0)])).toThrow(RangeError);
  });
});
