import { GREEN_CODE_2026_1 } from '../methodology/default-green-methodology';
import { EnforcementCase, IntakeWarning, vetoReasons } from './veto-reasons';

const rules = GREEN_CODE_2026_1.vetoes;
const months = ['2025-01', '2025-02', '2025-03'];
const violation = (date: string, severity: EnforcementCase['severity']): EnforcementCase => ({ date, kind: 'excess-discharge', severity, reference: `ZJ-${date}` });
const warning = (month: string, resolved: boolean): IntakeWarning => ({ month, code: 'month-on-month-jump', field: 'energy', message: 'energy use moved 6x', resolved });
const veto = (over: Partial<Parameters<typeof vetoReasons>[0]>, r = rules) =>
  vetoReasons({ periodMonths: months, missingMonths: [], enforcementCases: [], warnings: [], ...over }, r).map((v) => v.kind);

describe('vetoReasons', () => {
  it.each([
    ['nothing', {}, []],
    ['a serious violation in the period', { enforcementCases: [violation('2025-02-14', 'serious')] }, ['serious-violation']],
    ['a major violation on the last day', { enforcementCases: [violation('2025-03-31', 'major')] }, ['serious-violation']],
    ['a general violation', { enforcementCases: [violation('2025-02-14', 'general')] }, []],
    ['a serious violation before the period', { enforcementCases: [violation('2024-12-31', 'serious')] }, []],
    ['a serious violation after the period', { enforcementCases: [violation('2025-04-01', 'serious')] }, []],
    ['an unresolved warning', { warnings: [warning('2025-01', false)] }, ['unresolved-warning']],
    ['a resolved warning', { warnings: [warning('2025-01', true)] }, []],
    ['an unresolved warning outside the period', { warnings: [warning('2024-12', false)] }, []],
    ['a missing month', { missingMonths: ['2025-02'] }, ['missing-months']],
  ])('%s -> %j', (_label, over, kinds) => {
    expect(veto(over)).toEqual(kinds);
  });

  it('allows missing months up to the methodology allowance and names the gap beyond it', () => {
    const lenient = { ...rules, allowedMissingMonths: 1 };
    expect(veto({ missingMonths: ['2025-02'] }, lenient)).toEqual([]);
    const [reason] = vetoReasons({ periodMonths: months, missingMonths: ['2025-02', '2025-03'], enforcementCases: [], warnings: [] }, lenient);
    expect(reason).toMatchObject({ kind: 'missing-months', months: ['2025-02', '2025-03'] });
    expect(reason.message).toContain('2025-02, 2025-03');
  });

  it('ignores warnings when the methodology does not veto on them', () => {
    expect(veto({ warnings: [warning('2025-01', false)] }, { ...rules, unresolvedWarnings: false })).toEqual([]);
  });

  it('names the case reference', () => {
    const [reason] = vetoReasons({ periodMonths: months, missingMonths: [], enforcementCases: [violation('2025-02-14', 'serious')], warnings: [] }, rules);
    expect(reason).toMatchObject({ reference: 'ZJ-2025-02-14', date: '2025-02-14' });
  });
});
