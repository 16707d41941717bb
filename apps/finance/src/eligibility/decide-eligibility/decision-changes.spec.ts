import { GREEN_LOAN_DEFAULT_RULE } from '@gec/domain';
import { assess } from './assess';
import { decisionChanges } from './decision-changes';

const green = (grade: number, level: string) => assess(GREEN_LOAN_DEFAULT_RULE, { grade, level });
const withdrawnRating = assess(GREEN_LOAN_DEFAULT_RULE, { withdrawn: true, period: '2026-10' });

describe('decisionChanges under the default green-loan rule', () => {
  it.each([
    ['no decision yet', null, green(2, 'low'), ['first']],
    ['grade 2 -> 1, still eligible', green(2, 'low'), green(1, 'low'), []],
    ['the same rating', green(3, 'medium'), green(3, 'medium'), []],
    ['grade 2 -> 4', green(2, 'low'), green(4, 'low'), ['eligible', 'conditions']],
    ['grade 4 -> 5, failing the same condition', green(4, 'low'), green(5, 'low'), []],
    ['grade 4 -> grade 4 and high level', green(4, 'low'), green(4, 'high'), ['conditions']],
    ['grade 5 high -> its rating withdrawn (still not eligible)', green(5, 'high'), { ...withdrawnRating, ratingWithdrawn: true }, ['rating-withdrawn']],
    ['grade 2 -> its rating withdrawn', green(2, 'low'), { ...withdrawnRating, ratingWithdrawn: true }, ['rating-withdrawn', 'eligible', 'conditions']],
    ['withdrawn -> withdrawn again', { ...withdrawnRating, ratingWithdrawn: true }, { ...withdrawnRating, ratingWithdrawn: true }, []],
    ['withdrawn -> rated grade 5 high again', { ...withdrawnRating, ratingWithdrawn: true }, green(5, 'high'), ['rating-reinstated']],
    ['a rule with another condition', green(2, 'low'), assess({ conditions: [GREEN_LOAN_DEFAULT_RULE.conditions[0]] }, { grade: 2, level: 'low' }), ['conditions']],
  ])('%s -> %j', (_case, current, next, expected) => {
    expect(decisionChanges(current, next)).toEqual(expected);
  });

  it('meets no condition on a withdrawn rating and names the withdrawal', () => {
    expect(withdrawnRating).toEqual({ eligible: false, reasons: ['no current rating: the rating for 2026-10 was withdrawn with its report'], conditionsMet: [false, false] });
  });

  it('keeps the domain reasons and marks each condition', () => {
    expect(green(4, 'high')).toEqual({
      eligible: false,
      reasons: ['carbon-efficiency grade 4 is worse than the required 3 or better', 'carbon level high is excluded'],
      conditionsMet: [false, false],
    });
  });
});
