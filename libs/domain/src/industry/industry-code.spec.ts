import { parseIndustryCode } from './industry-code';

describe('parseIndustryCode', () => {
  it.each([
    ['C26', 'C', 'C26', 'division'],
    ['C261', 'C', 'C26', 'group'],
    ['C2614', 'C', 'C26', 'class'],
    ['C3041', 'C', 'C30', 'class'],
    ['C3741', 'C', 'C37', 'class'],
    ['C13', 'C', 'C13', 'division'],
    ['C43', 'C', 'C43', 'division'],
    ['A01', 'A', 'A01', 'division'],
    ['A0190', 'A', 'A01', 'class'],
    ['D4411', 'D', 'D44', 'class'],
    ['K70', 'K', 'K70', 'division'],
    ['O82', 'O', 'O82', 'division'],
    ['P83', 'P', 'P83', 'division'],
    ['Q85', 'Q', 'Q85', 'division'],
    ['R86', 'R', 'R86', 'division'],
    ['R90', 'R', 'R90', 'division'],
    ['S91', 'S', 'S91', 'division'],
    ['S96', 'S', 'S96', 'division'],
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
    ['O83', 'division 83 does not belong to section O (O covers 80-82)'],
    ['P82', 'division 82 does not belong to section P (P covers 83-83)'],
    ['Q86', 'division 86 does not belong to section Q (Q covers 84-85)'],
    ['S90', 'division 90 does not belong to section S (S covers 91-96)'],
    ['C3043', 'industry class C3043 does not exist in GB/T 4754-2017; group C304 (玻璃制造) has C3041, C3042, C3049'],
    ['C3040', 'industry class C3040 does not exist'],
    ['C300', 'industry group C300 does not exist in GB/T 4754-2017; division C30 (非金属矿物制品业) has C301, C302,'],
    ['C2699', 'industry class C2699 does not exist'],
    ['A0110', 'industry class A0110 does not exist'],
  ])('rejects %s: %s', (code, reason) => {
    const result = parseIndustryCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
