import { Caller } from '@gec/platform';
import { RatedHistoryEntry, Rating } from './rating';
import { historyEntryView, ratingView } from './rating-disclosure';

const rating = (benchmarkEnterpriseCount?: number): Rating => ({
  uscc: '91330100MA27XL0001',
  period: '2026-10',
  methodology: { id: 'zhejiang-carbon-efficiency', version: 'db33t1347-2023.1' },
  level: 'low',
  grade: 2,
  k: 0.7,
  carbonIntensity: 0.35,
  industryCarbonIntensity: 0.5,
  benchmarkVersion: 4,
  ...(benchmarkEnterpriseCount === undefined ? {} : { benchmarkEnterpriseCount }),
  indicatorsRevision: 1,
  ratedAt: '2026-11-01T00:00:00.000Z',
  explanation: ['L line', 'K line'],
});
const enterprise: Caller = { subject: 's', role: 'enterprise', uscc: '91330100MA27XL0001' };
const bank: Caller = { subject: 'b', role: 'bank', bankId: 'cq-green-bank' };
const regulator: Caller = { subject: 'r', role: 'regulator', regionPrefix: '33' };
const admin: Caller = { subject: 'a', role: 'admin' };

describe('ratingView: K reveals the benchmark, so it follows the minimum cohort', () => {
  it.each<[string, number | undefined, Caller, boolean]>([
    ['an enterprise, 3 in the benchmark', 3, enterprise, true],
    ['an enterprise, 2 in the benchmark', 2, enterprise, false],
    ['a bank, 2', 2, bank, false],
    ['a regulator, 2', 2, regulator, false],
    ['an administrator, 1', 1, admin, true],
    ['an enterprise, a rating that does not know its cohort', undefined, enterprise, false],
  ])('%s: K shown %s', (_case, count, caller, shown) => {
    const view = ratingView(rating(count), caller, 3);
    expect(view.grade).toBe(2);
    expect(view.level).toBe('low');
    expect(view.k).toBe(shown ? 0.7 : null);
    expect(view.industryCarbonIntensity).toBe(shown ? 0.5 : null);
    expect(view.explanation[0]).toBe('L line');
    expect(view.explanation[1]).toEqual(shown ? 'K line' : expect.stringContaining('withheld'));
    expect((historyEntryView({ period: '2026-10', level: 'low', grade: 2, methodology: rating().methodology, k: 0.7, benchmarkEnterpriseCount: count, ratedAt: '', previous: null }, caller, 3) as RatedHistoryEntry).k).toBe(shown ? 0.7 : null);
  });
});
