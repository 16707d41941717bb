import { regionCodeMatchesPrefix, validateRegionCode } from './region-code';

describe('validateRegionCode', () => {
  it.each(['110000', '330502', '500101', '654000', '710000', '810000', '820000'])('accepts %s', (code) => {
    expect(validateRegionCode(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['33050', 'must be six digits'],
    ['3305021', 'must be six digits'],
    ['33O502', 'must be six digits'],
    ['160000', 'starts with 16, which is not a GB/T 2260 province code'],
    ['550000', 'starts with 55'],
    ['830000', 'starts with 83'],
  ])('rejects %s: %s', (code, reason) => {
    const result = validateRegionCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('regionCodeMatchesPrefix', () => {
  it.each([
    ['330502', '33', true],
    ['330502', '3305', true],
    ['330502', '330502', true],
    ['330502', '330000', true],
    ['330502', '330500', true],
    ['330602', '3305', false],
    ['330602', '330500', false],
    ['440300', '33', false],
    ['330502', '3', false],
    ['330502', '', false],
  ])('%s within %s -> %s', (code, prefix, expected) => {
    expect(regionCodeMatchesPrefix(code, prefix)).toBe(expected);
  });
});
