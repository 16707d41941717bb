import { regionCodeMatchesPrefix, validateRegionCode } from './region-code';

describe('validateRegionCode', () => {
  it.each([
    ['110000', 'province'],
    ['330000', 'province'],
    ['330500', 'prefecture'],
    ['330502', 'county'],
    ['500000', 'municipality'],
    ['500101', 'district of a municipality'],
    ['500229', 'county of a municipality'],
    ['429004', 'county-level city under a province'],
    ['441900', 'prefecture without counties'],
    ['654000', 'autonomous prefecture'],
    ['710000', 'province outside the statistics table'],
    ['810000', 'special administrative region'],
    ['820000', 'special administrative region'],
  ])('accepts %s (%s)', (code) => {
    expect(validateRegionCode(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['33050', 'must be six digits'],
    ['3305021', 'must be six digits'],
    ['33O502', 'must be six digits'],
    ['160000', 'starts with 16, which is not a GB/T 2260 province code'],
    ['550000', 'starts with 55'],
    ['830000', 'starts with 83'],
    ['330599', 'region code 330599 is not a GB/T 2260 division (table of 2023)'],
    ['331200', 'region code 331200 is not a GB/T 2260 division'],
    ['110100', 'is not a GB/T 2260 division'],
    ['500200', 'is not a GB/T 2260 division'],
    ['429000', 'is not a GB/T 2260 division'],
    ['130171', 'is not a GB/T 2260 division'],
    ['371202', 'is not a GB/T 2260 division'],
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
