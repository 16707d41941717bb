import { GREEN_LOAN_DEFAULT_RULE } from './eligibility-rule';
import { evaluateEligibility } from './evaluate-eligibility';

describe('evaluateEligibility with the default green-loan rule', () => {
  it.each([
    [{ grade: 1, level: 'low' }, true, ['carbon-efficiency grade 1 meets the required 3 or better', 'carbon level low is allowed (excluded: high)']],
    [{ grade: 3, level: 'medium' }, true, ['carbon-efficiency grade 3 meets the required 3 or better', 'carbon level medium is allowed (excluded: high)']],
    [{ grade: 4, level: 'medium' }, false, ['carbon-efficiency grade 4 is worse than the required 3 or better', 'carbon level medium is allowed (excluded: high)']],
    [{ grade: 2, level: 'high' }, false, ['carbon-efficiency grade 2 meets the required 3 or better', 'carbon level high is excluded']],
    [{ grade: 5, level: 'high' }, false, ['carbon-efficiency grade 5 is worse than the required 3 or better', 'carbon level high is excluded']],
  ])('%o -> eligible %s', (rating, eligible, reasons) => {
    expect(evaluateEligibility(GREEN_LOAN_DEFAULT_RULE, rating)).toEqual({ eligible, reasons });
  });

  it('is not eligible without a rating', () => {
    expect(evaluateEligibility(GREEN_LOAN_DEFAULT_RULE, undefined)).toEqual({ eligible: false, reasons: ['no rating yet'] });
  });

  it.each([
    ['the default rule', GREEN_LOAN_DEFAULT_RULE],
    ['a rule with no conditions', { conditions: [] }],
  ])('is not eligible on a withdrawn rating under %s, naming the withdrawal', (_name, rule) => {
    expect(evaluateEligibility(rule, { withdrawn: true, period: '2026-10' })).toEqual({
      eligible: false,
      reasons: ['no current rating: the rating for 2026-10 was withdrawn with its report'],
    });
  });

  it('is eligible under a rule with no conditions', () => {
    expect(evaluateEligibility({ conditions: [] }, { grade: 5, level: 'high' })).toEqual({ eligible: true, reasons: [] });
  });
});
