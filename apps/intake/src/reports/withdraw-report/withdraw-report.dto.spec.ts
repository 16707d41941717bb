import { zodIssues } from '@gec/platform';
import { withdrawReportSchema } from './withdraw-report.dto';

describe('withdraw report body', () => {
  it('trims the reason', () => {
    expect(withdrawReportSchema.parse({ reason: '  wrong legal entity ' })).toEqual({ reason: 'wrong legal entity' });
  });

  it.each([
    ['no reason', {}, 'reason'],
    ['a blank reason', { reason: '   ' }, 'reason'],
    ['a reason over 500 characters', { reason: 'x'.repeat(501) }, 'reason'],
    ['a reason that is not text', { reason: 42 }, 'reason'],
    ['an unknown field', { reason: 'ok', uscc: '91500000MA5U7AAA0X' }, 'uscc'],
  ])('refuses %s, naming the field', (_name, body, field) => {
    const result = withdrawReportSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(zodIssues(result.error!).map((i) => i.field)).toContain(field);
  });
});
