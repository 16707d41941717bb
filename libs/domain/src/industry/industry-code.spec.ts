import { parseIndustryCode } from './industry-code';

describe('parseIndustryCode', () => {
  it.each([
    ['C26', 'C', 'C26', 'division'],
    ['C261', 'C', 'C26', 'group'],
    ['C2614', 'C', 'C26', 'class'],
    ['C13', 'C', 'C13', 'division'],
    ['C43', 'C', 'C43', 'division'],
    ['A01', 'A', 'A01', 'division'],
    ['D4411', 'D', 'D44', 'class'],
    ['K70', 'K', 'K70', 'division'],
    ['T97', 'T', 'T97', 'division'],
  ])('parses %s', (code, section, division, level) => {
    expect(parseIndustryCode(code)).toEqual({ ok: true, value: { code, section, division, level } });
  });

  it.each([
    ['c26', 'must be upper case'],
    ['C2', 'section letter followed by 2, 3 or 4 digits'],
    ['C26141', 'section letter followed by 2, 3 or 4 digits'],
    ['26', 'section letter followed by 2, 3 or 4 digits'],
    ['U01', 'section U does not exist'],
    ['C12', 'division 12 does not belong to section C (C covers 13-43)'],
    ['C44', 'division 44 does not belong to section C (C covers 13-43)'],
    ['A06', 'division 06 does not belong to section A (A covers 01-05)'],
    ['K71', 'division 71 does not belong to section K (K covers 70-70)'],
  ])('rejects %s: %s', (code, reason) => {
    const result = parseIndustryCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
