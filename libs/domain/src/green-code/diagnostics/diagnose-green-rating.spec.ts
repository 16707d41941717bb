import { GREEN_CODE_2026_1 } from '../methodology/default-green-methodology';
import { tableMethodology } from '../fixtures.spec-helper';
import { TierRule } from '../methodology/green-methodology';
import { PeriodFigures } from '../period/aggregate-period';
import { rate } from '../rate/rating.spec-helper';
import { IndicatorScore } from '../scoring/score-green';
import { diagnoseGreenRating, tierGap } from './diagnose-green-rating';
import { measuresFor } from './measure-catalogue';

const threshold: TierRule = {
  mode: 'threshold',
  bands: [
    { tier: 'A+', minScore: 90 },
    { tier: 'A', minScore: 80 },
    { tier: 'B', minScore: 60 },
    { tier: 'C', minScore: 40 },
    { tier: 'D', minScore: 0 },
  ],
  provenance: { origin: 'platform', source: 'test' },
};

describe('diagnoseGreenRating', () => {
  it('lists contributions and binding indicators, and says no single indicator reaches A (15.3 points short)', () => {
    const d = diagnoseGreenRating(rate());
    expect(d.scoredTier).toBe('B');
    expect(d.nextTier).toEqual({ tier: 'A', scoreNeeded: 90, pointsNeeded: expect.closeTo(90 - d.total, 9) });
    expect(d.indicators.reduce((s, i) => s + i.contribution, 0)).toBeCloseTo(d.total, 4);
    expect(d.binding).toEqual(['renewableElectricityShare', 'footprintProductShare', 'valueAddedPerLandM2']);
    expect(d.gaps.every((g) => !g.reachable && g.to === null)).toBe(true);
    expect(d.gaps[0].message).toMatch(/not reachable by renewableElectricityShare alone/);
    expect(d.percentile).toBe(56.25);
    expect(d.measures.map((m) => m.id)).toEqual(['onsite-pv', 'furnace-electrification']);
  });

  it('gives the value one indicator needs to reach the next threshold, in its own unit', () => {
    const r = rate({}, tableMethodology({ tiers: threshold }));
    const d = diagnoseGreenRating(r);
    expect(d.nextTier?.tier).toBe('A');
    const [gap] = d.gaps;
    // 5.29 points of the renewable share's 7: share 0.3 x 5.29 / 7; electricity used 1.2 GWh
    const needed = (80 - r.score.total) / 7;
    expect(gap).toMatchObject({ indicator: 'renewableElectricityShare', reachable: true, from: 0 });
    expect(gap.to).toBeCloseTo(0.3 * needed, 9);
    expect(gap.absolute!.amount).toBeCloseTo(0.3 * needed * 1_200_000, 3);
    expect(gap.message).toBe('raise renewableElectricityShare from 0.0% to 22.7%');
  });

  it('has no next tier at the top', () => {
    const d = diagnoseGreenRating(rate({ cohort: { version: 'solo', industryCarbonIntensity: null, members: [] } }));
    expect(d.scoredTier).toBe('A+');
    expect(d.nextTier).toBeNull();
    expect(d.gaps).toEqual([]);
  });

  it('works on the default methodology', () => {
    const d = diagnoseGreenRating(rate({}, GREEN_CODE_2026_1));
    expect(d.indicators).toHaveLength(9);
  });
});

const figures = { valueAdded: 2480, newWaterM3: 7000, reusedWaterM3: 18000, electricityKwh: 1e6, monthsPresent: Array(12).fill('m'), landAreaM2: 10_000, outputValue: 9000, solidWaste: null } as unknown as PeriodFigures;
const scored = (indicator: IndicatorScore['indicator'], value: number, baseline: number, leading: number, maxPoints: number, direction: IndicatorScore['direction']): IndicatorScore => {
  const fraction = Math.max(0, Math.min(1, (value - baseline) / (leading - baseline)));
  return { indicator, dimension: 'low-carbon-energy', direction, value, reference: { baseline, leading }, status: 'scored', fraction, maxPoints, points: maxPoints * fraction, lostPoints: maxPoints * (1 - fraction) };
};

describe('tierGap', () => {
  it.each([
    // energy intensity at its baseline 0.6 (leading 0.35), 14 points; 7 needed -> 0.475, 0.125 x 2480 = 310 tce
    [scored('energyIntensity', 0.6, 0.6, 0.35, 14, 'lower-is-better'), 7, 0.475, -310, 'cut energyIntensity from 0.600 to 0.475 tce per 10,000 yuan value added (cut 310 tce)'],
    // worse than baseline: the target is still the value for the fraction needed
    [scored('energyIntensity', 0.9, 0.6, 0.35, 14, 'lower-is-better'), 14, 0.35, -0.55 * 2480, 'cut energyIntensity from 0.900 to 0.350 tce per 10,000 yuan value added (cut 1364 tce)'],
    // water reuse 72% (0.5 -> 0.85, 7.5 points): all its lost points -> 85%
    [scored('waterReuseRate', 0.72, 0.5, 0.85, 7.5, 'higher-is-better'), 7.5 * (0.13 / 0.35), 0.85, 0.13 * 25000, 'raise waterReuseRate from 72.0% to 85.0%'],
    [scored('valueAddedPerLandM2', 500, 200, 1000, 10, 'higher-is-better'), 2.5, 700, 200, 'raise valueAddedPerLandM2 from 500 to 700 yuan value added per m2 of land per year (raise 200 x 10,000 yuan value added)'],
  ])('%#: %s', (score, pointsNeeded, to, absolute, message) => {
    const gap = tierGap(score, pointsNeeded, figures);
    expect(gap.reachable).toBe(true);
    expect(gap.to).toBeCloseTo(to, 9);
    expect(gap.absolute!.amount).toBeCloseTo(absolute, 6);
    expect(gap.message).toBe(message);
  });

  it.each([
    ['more points than it can add', scored('energyIntensity', 0.475, 0.6, 0.35, 14, 'lower-is-better'), 7.01],
    ['already at leading', scored('energyIntensity', 0.3, 0.6, 0.35, 14, 'lower-is-better'), 0.5],
    ['not reported', { ...scored('energyIntensity', 0.3, 0.6, 0.35, 14, 'lower-is-better'), status: 'missing-value' as const, value: null }, 1],
  ])('is not reachable when %s', (_label, score, pointsNeeded) => {
    const gap = tierGap(score, pointsNeeded, figures);
    expect(gap).toMatchObject({ reachable: false, to: null });
  });
});

describe('measuresFor', () => {
  it.each([
    [['waterReuseRate'], ['water-recycling']],
    [['pollutantPermitRatio'], ['solvent-recovery', 'waste-acid-recovery']],
    [['energyIntensity', 'waterIntensity'], ['waste-heat-power', 'furnace-electrification', 'water-recycling']],
    [['footprintProductShare'], []],
  ] as const)('%j -> %j', (indicators, ids) => {
    expect(measuresFor(indicators).map((m) => m.id)).toEqual(ids);
  });
});
