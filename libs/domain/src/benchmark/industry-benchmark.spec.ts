import { applyBenchmarkMembers, BenchmarkMember, benchmarkFigures } from './industry-benchmark';

const m = (uscc: string, revision: number, co2Tonnes: number, valueAdded: number) => ({ uscc, revision, co2Tonnes, valueAdded });
const none = new Map<string, BenchmarkMember>();
const r = (uscc: string, revision: number, co2Tonnes: number, valueAdded: number, regionCode: string) => ({ uscc, revision, co2Tonnes, valueAdded, regionCode });
const w = (uscc: string, revision: number, regionCode?: string) => ({ uscc, revision, withdrawn: true as const, ...(regionCode ? { regionCode } : {}) });

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

  describe('withdrawals', () => {
    // Three members in two provinces: A and B in 500101 (Chongqing), C in 330102 (Zhejiang).
    const a = r('A', 1, 100, 1000, '500101');
    const b = r('B', 1, 300, 1000, '500101');
    const c = r('C', 1, 50, 500, '330102');
    const start = applyBenchmarkMembers(undefined, none, [a, b, c]).totals;
    const stored = new Map<string, BenchmarkMember>([['A', a], ['B', b], ['C', c]]);

    it.each([
      ['a counted member withdrawn', [w('A', 2, '500101')], { version: 2, enterpriseCount: 2, co2Milli: 350000, valueAddedMilli: 1500000 }, ['A'], []],
      ['the last member of a region withdrawn', [w('C', 2, '330102')], { version: 2, enterpriseCount: 2, co2Milli: 400000, valueAddedMilli: 2000000 }, ['C'], []],
      ['two members withdrawn in one batch: one version', [w('A', 2, '500101'), w('B', 5, '500101')], { version: 2, enterpriseCount: 1, co2Milli: 50000, valueAddedMilli: 500000 }, ['A', 'B'], []],
      ['a withdrawal of an older revision', [w('A', 1, '500101')], { version: 1, enterpriseCount: 3, co2Milli: 450000, valueAddedMilli: 2500000 }, [], []],
      ['a withdrawal of a member never counted', [w('Z', 2, '500101')], { version: 1, enterpriseCount: 3, co2Milli: 450000, valueAddedMilli: 2500000 }, [], []],
      ['withdrawn, then submitted again in the same batch', [w('A', 2, '500101'), r('A', 3, 200, 1000, '500101')], { version: 2, enterpriseCount: 3, co2Milli: 550000, valueAddedMilli: 2500000 }, [], ['A']],
      ['changed, then withdrawn in the same batch', [r('A', 2, 200, 1000, '500101'), w('A', 3, '500101')], { version: 2, enterpriseCount: 2, co2Milli: 350000, valueAddedMilli: 1500000 }, ['A'], []],
      ['a withdrawal, then a late older revision', [w('A', 3, '500101'), r('A', 2, 999, 1000, '500101')], { version: 2, enterpriseCount: 2, co2Milli: 350000, valueAddedMilli: 1500000 }, ['A'], []],
    ])('%s', (_name, incoming, expected, removed, changed) => {
      const result = applyBenchmarkMembers(start, stored, incoming);
      expect(result.totals).toMatchObject(expected);
      expect(result.removed.map((x) => x.uscc)).toEqual(removed);
      expect(result.changed.map((x) => x.uscc)).toEqual(changed);
    });

    it('takes the member out of every region prefix it counted under, and drops emptied regions', () => {
      const { totals } = applyBenchmarkMembers(start, stored, [w('A', 2, '500101')]);
      expect(totals.regions).toEqual({
        '50': { enterpriseCount: 1, co2Milli: 300000, valueAddedMilli: 1000000 },
        '5001': { enterpriseCount: 1, co2Milli: 300000, valueAddedMilli: 1000000 },
        '500101': { enterpriseCount: 1, co2Milli: 300000, valueAddedMilli: 1000000 },
        '33': { enterpriseCount: 1, co2Milli: 50000, valueAddedMilli: 500000 },
        '3301': { enterpriseCount: 1, co2Milli: 50000, valueAddedMilli: 500000 },
        '330102': { enterpriseCount: 1, co2Milli: 50000, valueAddedMilli: 500000 },
      });
      const withoutC = applyBenchmarkMembers(start, stored, [w('C', 2, '330102')]).totals;
      expect(Object.keys(withoutC.regions!).sort()).toEqual(['50', '5001', '500101']);
    });

    it.each([
      ['an older revision', r('A', 1, 100, 1000, '500101'), false],
      ['the withdrawal revision itself', r('A', 2, 100, 1000, '500101'), false],
      ['a newer revision', r('A', 3, 120, 1000, '500101'), true],
      ['the same withdrawal again', w('A', 2, '500101'), false],
      ['a newer withdrawal', w('A', 4, '500101'), false],
    ])('after a withdrawal (revision 2), %s counts the member again: %s', (_name, incoming, counted) => {
      const afterWithdrawal = applyBenchmarkMembers(start, stored, [w('A', 2, '500101')]).totals;
      const storedAfter = new Map<string, BenchmarkMember>([...stored, ['A', { revision: 2, co2Tonnes: 0, valueAdded: 0, regionCode: '500101', withdrawn: true }]]);
      const { totals } = applyBenchmarkMembers(afterWithdrawal, storedAfter, [incoming]);
      expect(totals.enterpriseCount).toBe(counted ? 3 : 2);
      expect(totals.version).toBe(counted ? 3 : 2);
    });

    it('withdrawing every member gives an empty benchmark with no intensity', () => {
      const { totals } = applyBenchmarkMembers(start, stored, [w('A', 2, '500101'), w('B', 2, '500101'), w('C', 2, '330102')]);
      expect(totals).toEqual({ version: 2, enterpriseCount: 0, co2Milli: 0, valueAddedMilli: 0, regions: {} });
      expect(benchmarkFigures(totals)).toEqual({ enterpriseCount: 0, totalCo2Tonnes: 0, totalValueAdded: 0, carbonIntensity: 0 });
    });

    it('adding then withdrawing members in any order leaves the same totals as never adding them', () => {
      const extra = Array.from({ length: 20 }, (_, i) => r(`E${i}`, 1, 0.1 * (i + 1) + 1e-7 * i, 3.3 * (i + 7), '500101'));
      const added = applyBenchmarkMembers(start, stored, extra);
      const storedAll = new Map<string, BenchmarkMember>([...stored, ...extra.map((e) => [e.uscc, e] as const)]);
      const gone = applyBenchmarkMembers(added.totals, storedAll, [...extra].reverse().map((e) => w(e.uscc, 2, '500101'))).totals;
      expect({ ...gone, version: 1 }).toEqual(start);
    });
  });
});
