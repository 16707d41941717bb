import { indicatorsKeySchema } from './indicators-key.dto';

describe('indicatorsKeySchema', () => {
  const uscc = '91350100M000100Y43';

  it('accepts a valid code and period', () => {
    expect(indicatorsKeySchema.parse({ uscc, period: '2026-01' })).toEqual({ uscc, period: '2026-01' });
  });

  it.each([
    ['a wrong check character', { uscc: '91350100M000100Y44', period: '2026-01' }, 'uscc'],
    ['a short code', { uscc: '9135', period: '2026-01' }, 'uscc'],
    ['a period without a dash', { uscc, period: '202601' }, 'period'],
  ])('rejects %s naming the field', (_label, params, field) => {
    const result = indicatorsKeySchema.safeParse(params);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });
});
