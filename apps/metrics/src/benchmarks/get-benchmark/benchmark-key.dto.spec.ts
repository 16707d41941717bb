import { benchmarkKeySchema } from './benchmark-key.dto';

describe('benchmarkKeySchema', () => {
  it('accepts a division and a period', () => {
    expect(benchmarkKeySchema.parse({ industryDivision: 'C26', period: '2026-10' })).toEqual({ industryDivision: 'C26', period: '2026-10' });
  });

  it.each([
    ['a class code', { industryDivision: 'C2614', period: '2026-10' }, 'industryDivision', /section letter and 2 digits/],
    ['a lower-case code', { industryDivision: 'c26', period: '2026-10' }, 'industryDivision', /upper case/],
    ['a division outside its section', { industryDivision: 'A99', period: '2026-10' }, 'industryDivision', /does not belong/],
    ['month 13', { industryDivision: 'C26', period: '2026-13' }, 'period', /01-12/],
  ])('rejects %s naming the field', (_label, params, field, reason) => {
    const result = benchmarkKeySchema.safeParse(params);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[field, expect.stringMatching(reason)]]);
  });
});
