import { GREEN_LOAN_DEFAULT_RULE } from '@gec/domain';
import { compareState, describeVerdict, ObservedState } from './compare-state';
import { checkDecisionEvents, DecisionEvent } from './decision-events';
import { computeExpectedState, OracleInputs, ReportBody } from './expected-state';

const CLEAN = 'C3011AAAAAAAAAAAA1'; // codes are not validated by the oracle
const COAL = 'C3011BBBBBBBBBBBB2';
const OTHER = 'C2614CCCCCCCCCCCC3';

const electricity = (period: string, mwh: number, valueAdded = 1000): ReportBody => ({ period, valueAdded, outputValue: valueAdded * 4, energy: [{ carrier: 'electricity', quantity: mwh, unit: 'MWh' }] });
const coal = (period: string, tonnes: number, valueAdded = 1000): ReportBody => ({ period, valueAdded, outputValue: valueAdded * 4, energy: [{ carrier: 'raw_coal', quantity: tonnes, unit: 't' }] });

const inputs: OracleInputs = {
  enterprises: [
    { uscc: CLEAN, industryCode: 'C3011' },
    { uscc: COAL, industryCode: 'C3041' },
    { uscc: OTHER, industryCode: 'C2614' },
  ],
  reports: [
    // 1000 MWh at the 2023 grid factor 0.5306 t/MWh: 530.6 t over 1000 (10,000 yuan), L 0.5306.
    { uscc: CLEAN, revision: 1, body: electricity('2026-09', 1000) },
    // 1000 t raw coal at 1.98 t/t: L 1.98. Industry C30: (530.6 + 1980) / 2000 = 1.2553.
    { uscc: COAL, revision: 3, body: coal('2026-09', 1000) },
    // Alone in its industry: K = 1, grade 3; in 2026-10 only (its latest period).
    { uscc: OTHER, revision: 2, body: { ...coal('2026-10', 500), energy: [{ carrier: 'raw_coal', quantity: 500_000, unit: 'kg' }] } },
    { uscc: OTHER, revision: 1, body: electricity('2026-09', 100) },
  ],
  products: [
    { id: 'green-loan', rule: GREEN_LOAN_DEFAULT_RULE },
    { id: 'lenient', rule: { conditions: [{ field: 'grade', op: 'lte', value: 5 }] } },
  ],
};

describe('the fault oracle: expected state from the domain rules', () => {
  const expected = computeExpectedState(inputs);

  it('computes indicators from the final revision, after the unit conversion intake does', () => {
    const clean = expected.indicators.find((i) => i.uscc === CLEAN)!;
    expect(clean).toMatchObject({ period: '2026-09', revision: 1, industryDivision: 'C30', valueAdded: 1000 });
    expect(clean.co2Tonnes).toBeCloseTo(530.6, 9);
    expect(clean.carbonIntensity).toBeCloseTo(0.5306, 12);
    const kg = expected.indicators.find((i) => i.uscc === OTHER && i.period === '2026-10')!;
    expect(kg.co2Tonnes).toBeCloseTo(990, 9);
    expect(kg.revision).toBe(2);
  });

  it('builds each industry and period benchmark from its members', () => {
    expect(expected.benchmarks).toHaveLength(3);
    const c30 = expected.benchmarks.find((b) => b.industryDivision === 'C30')!;
    expect(c30).toMatchObject({ period: '2026-09', enterpriseCount: 2, totalValueAdded: 2000 });
    expect(c30.carbonIntensity).toBeCloseTo(1.2553, 12);
  });

  it.each([
    [CLEAN, '2026-09', 1, 'low', 0.4227],
    [COAL, '2026-09', 4, 'medium', 1.5773],
    [OTHER, '2026-10', 3, 'medium', 1],
    [OTHER, '2026-09', 3, 'low', 1],
  ])('rates %s in %s: grade %i, level %s, K %d', (uscc, period, grade, level, k) => {
    expect(expected.ratings.find((r) => r.uscc === uscc && r.period === period)).toMatchObject({ grade, level, k, methodologyVersion: 'db33t1347-2023.1' });
  });

  it.each([
    [CLEAN, 'green-loan', true, '2026-09'],
    [COAL, 'green-loan', false, '2026-09'],
    [COAL, 'lenient', true, '2026-09'],
    [OTHER, 'green-loan', true, '2026-10'],
  ])('decides %s for %s: eligible %s on its latest period %s', (uscc, product, eligible, period) => {
    expect(expected.eligibility.find((e) => e.uscc === uscc && e.product === product)).toMatchObject({ eligible, period });
  });

  it('refuses two final reports for the same period and reports of unknown enterprises', () => {
    expect(() => computeExpectedState({ ...inputs, reports: [...inputs.reports, { uscc: CLEAN, revision: 2, body: electricity('2026-09', 1) }] })).toThrow(/two final reports/);
    expect(() => computeExpectedState({ ...inputs, reports: [{ uscc: 'NOBODY', revision: 1, body: electricity('2026-09', 1) }] })).toThrow(/unregistered/);
  });
});

/** What a correct platform serves for `inputs`, built from the expectation itself. */
function faithful(): ObservedState {
  const e = computeExpectedState(inputs);
  const benchmarks = new Map(e.benchmarks.map((b, i) => [`${b.industryDivision}/${b.period}`, { version: 7 + i, enterpriseCount: b.enterpriseCount, totalCo2Tonnes: b.totalCo2Tonnes, totalValueAdded: b.totalValueAdded, carbonIntensity: b.carbonIntensity }]));
  return {
    indicators: new Map(e.indicators.map((i) => [`${i.uscc}/${i.period}`, { ...i }])),
    benchmarks,
    ratings: new Map(
      e.ratings.map((r) => [
        `${r.uscc}/${r.period}`,
        { grade: r.grade, level: r.level, k: r.k, benchmarkVersion: benchmarks.get(`${r.industryDivision}/${r.period}`)!.version, methodology: { version: r.methodologyVersion } },
      ]),
    ),
    eligibility: new Map(e.eligibility.map((d) => [`${d.uscc}/${d.product}`, { eligible: d.eligible, rating: { period: d.period, grade: d.grade, level: d.level } }])),
  };
}

describe('the fault oracle: comparing with what the platform serves', () => {
  const expected = computeExpectedState(inputs);

  it('finds nothing lost and nothing wrong when the platform serves the expected state', () => {
    const verdict = compareState(expected, faithful());
    expect(verdict).toEqual({ checked: 4 + 3 + 4 + 6, lost: [], wrong: [] });
    expect(describeVerdict(verdict)).toBe('17 checked: 0 lost, 0 wrong');
  });

  it.each<[string, (o: ObservedState) => void, 'lost' | 'wrong', string, RegExp]>([
    ['missing indicators', (o) => o.indicators.set(`${CLEAN}/2026-09`, undefined), 'lost', 'indicators', /no indicators/],
    ['an older revision', (o) => (o.indicators.get(`${COAL}/2026-09`)!.revision = 2), 'lost', 'indicators', /revision 3 never took effect/],
    ['a revision nobody sent', (o) => (o.indicators.get(`${COAL}/2026-09`)!.revision = 4), 'wrong', 'indicators', /last accepted revision is 3/],
    ['other figures', (o) => (o.indicators.get(`${CLEAN}/2026-09`)!.co2Tonnes = 530.7), 'wrong', 'indicators', /co2Tonnes/],
    ['a member short', (o) => (o.benchmarks.get('C30/2026-09')!.enterpriseCount = 1), 'lost', 'benchmark', /1 members, expected 2/],
    ['another grade', (o) => (o.ratings.get(`${COAL}/2026-09`)!.grade = 3), 'wrong', 'rating', /grade 3 != 4/],
    ['a stale benchmark', (o) => (o.ratings.get(`${COAL}/2026-09`)!.benchmarkVersion = 1), 'wrong', 'rating', /benchmark version 1/],
    ['missing rating', (o) => o.ratings.delete(`${OTHER}/2026-10`), 'lost', 'rating', /no rating/],
    ['a decision on an older period', (o) => (o.eligibility.get(`${OTHER}/green-loan`)!.rating!.period = '2026-09'), 'lost', 'eligibility', /never reached it/],
    ['another decision', (o) => (o.eligibility.get(`${COAL}/green-loan`)!.eligible = true), 'wrong', 'eligibility', /eligible true != false/],
  ])('reports %s', (_case, spoil, kind, subject, detail) => {
    const observed = faithful();
    spoil(observed);
    const verdict = compareState(expected, observed);
    const findings = [...verdict.lost, ...verdict.wrong];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind, subject });
    expect(findings[0].detail).toMatch(detail);
  });

  it('accepts totals an enterprise may not see', () => {
    const observed = faithful();
    Object.assign(observed.benchmarks.get('C26/2026-10')!, { totalCo2Tonnes: null, totalValueAdded: null });
    expect(compareState(expected, observed).wrong).toEqual([]);
  });
});

describe('the fault oracle: published eligibility decisions', () => {
  const basis = (grade: number, period = '2026-09') => ({ grade, level: 'medium', period, methodologyVersion: 'db33t1347-2023.1' });
  const event = (eventId: string, previouslyEligible: boolean | null, eligible: boolean, grade: number, uscc = COAL): DecisionEvent => ({ eventId, uscc, product: 'green-loan', eligible, previouslyEligible, rating: basis(grade) });
  const expectedFor = (eligible: boolean) => [{ uscc: COAL, product: 'green-loan', eligible, period: '2026-09', grade: 4, level: 'medium' as const }];

  it('counts a redelivered event (same id) once', () => {
    const verdict = checkDecisionEvents([event('a', null, true, 2), event('a', null, true, 2), event('b', true, false, 4)], expectedFor(false));
    expect(verdict).toMatchObject({ messages: 3, events: 2, duplicates: [], brokenChains: [], unpublished: [], repeatedLater: 0 });
  });

  it('flags the same decision published twice under different ids', () => {
    const verdict = checkDecisionEvents([event('a', null, true, 2), event('b', true, false, 4), event('c', true, false, 4)], expectedFor(false));
    expect(verdict.duplicates).toHaveLength(1);
    expect(verdict.duplicates[0].detail).toMatch(/events b and c publish the same decision true -> false on 2026-09 grade 4 medium/);
    expect(verdict.brokenChains).toHaveLength(1);
  });

  it('allows a decision undone and taken again while the benchmark settles', () => {
    const verdict = checkDecisionEvents([event('a', null, false, 4), event('b', false, true, 3), event('c', true, false, 4), event('d', false, true, 3), event('e', true, false, 4)], expectedFor(false));
    expect(verdict).toMatchObject({ duplicates: [], brokenChains: [], unpublished: [], repeatedLater: 2 });
  });

  it('flags an event that does not follow on from the one before, and decisions never published', () => {
    const verdict = checkDecisionEvents([event('a', null, true, 2), event('b', false, true, 1)], [...expectedFor(false), { ...expectedFor(true)[0], uscc: CLEAN }]);
    expect(verdict.brokenChains.map((f) => f.detail)).toEqual(['event b says previously false, but the event before it decided true']);
    expect(verdict.unpublished.map((f) => f.detail)).toEqual(['last event b says eligible true, expected false', 'no eligibility-changed event (expected eligible true)']);
  });
});
