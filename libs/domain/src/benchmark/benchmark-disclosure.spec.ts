import { benchmarkView, totalsDisclosableToMembers } from './benchmark-disclosure';
import { applyBenchmarkMembers } from './industry-benchmark';

describe('benchmark disclosure', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
    [40, true],
  ])('%i enterprises: totals disclosable to members %s', (count, expected) => {
    expect(totalsDisclosableToMembers(count)).toBe(expected);
  });
});

describe('benchmarkView: the minimum-cohort rule', () => {
  // Two members in Chongqing (one in Yubei 500112, one in Jiangbei 500105), one in Hangzhou (330106).
  const two = applyBenchmarkMembers(undefined, new Map(), [member('A', '500112', 100, 1000), member('B', '500105', 300, 1000)]).totals;
  const three = applyBenchmarkMembers(two, new Map(), [member('C', '330106', 200, 1000)]).totals;

  it('shows nothing derived from fewer than the minimum to an enterprise or a bank, only the count and why', () => {
    for (const role of ['enterprise', 'bank'] as const) {
      const view = benchmarkView(two, { role });
      expect(view).toMatchObject({ enterpriseCount: 2, figures: null, withheld: expect.stringContaining('fewer than 3') });
      expect(view.jurisdiction).toBeUndefined();
    }
  });

  it('shows the figures to everyone from the minimum up, and the minimum is a parameter', () => {
    expect(benchmarkView(three, { role: 'enterprise' }).figures).toEqual({ totalCo2Tonnes: 600, totalValueAdded: 3000, carbonIntensity: 0.2 });
    expect(benchmarkView(three, { role: 'enterprise' }, 4).figures).toBeNull();
    expect(benchmarkView(two, { role: 'enterprise' }, 2).figures).not.toBeNull();
  });

  it('shows a small cohort to an administrator and to a regulator whose region holds every member, not to one whose region holds some', () => {
    expect(benchmarkView(two, { role: 'admin' }).figures).toMatchObject({ carbonIntensity: 0.2 });
    expect(benchmarkView(two, { role: 'regulator', region: '50' }).figures).toMatchObject({ carbonIntensity: 0.2 });
    expect(benchmarkView(two, { role: 'regulator', region: '5001' }).figures).toMatchObject({ carbonIntensity: 0.2 });
    const district = benchmarkView(two, { role: 'regulator', region: '500112' });
    expect(district.figures).toBeNull();
    // Its own district's share is its own enterprises' figures.
    expect(district.jurisdiction).toEqual({ region: '500112', enterpriseCount: 1, totalCo2Tonnes: 100, totalValueAdded: 1000, carbonIntensity: 0.1 });
  });

  it("gives a regulator its region's share, empty when none of the members is in it", () => {
    expect(benchmarkView(three, { role: 'regulator', region: '50' }).jurisdiction).toEqual({ region: '50', enterpriseCount: 2, totalCo2Tonnes: 400, totalValueAdded: 2000, carbonIntensity: 0.2 });
    expect(benchmarkView(three, { role: 'regulator', region: '44' }).jurisdiction).toEqual({ region: '44', enterpriseCount: 0, totalCo2Tonnes: 0, totalValueAdded: 0, carbonIntensity: 0 });
  });

  it('moves a member between regions when a new revision names another region', () => {
    const moved = applyBenchmarkMembers(two, new Map([['A', member('A', '500112', 100, 1000)]]), [{ ...member('A', '330106', 100, 1000), revision: 2 }]).totals;
    expect(moved.regions?.['500112']).toBeUndefined();
    expect(moved.regions?.['50']).toEqual({ enterpriseCount: 1, co2Milli: 300_000, valueAddedMilli: 1_000_000 });
    expect(moved.regions?.['33']).toEqual({ enterpriseCount: 1, co2Milli: 100_000, valueAddedMilli: 1_000_000 });
  });
});

function member(uscc: string, regionCode: string, co2Tonnes: number, valueAdded: number) {
  return { uscc, regionCode, revision: 1, co2Tonnes, valueAdded };
}
