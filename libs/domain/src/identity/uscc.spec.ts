import { makeUscc, usccRegionCode, validateUscc } from './uscc';

describe('validateUscc', () => {
  it.each([
    ['9144030071526726XG', 'public code with a letter check character'],
    ['91330100799655058B', 'public code, Hangzhou'],
    ['913305020000000210', 'weighted sum divisible by 31, so the check character is 0'],
    [makeUscc('91330502MA2B3C4D5'), 'code built by makeUscc'],
  ])('accepts %s (%s)', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['9144030071526726X', 'must be 18 characters; got 17'],
    ['9144030071526726XGX', 'must be 18 characters; got 19'],
    ['9144030071526726xg', "must be upper case: 'x' at position 17"],
    ['9144030071526726IG', "invalid character 'I' at position 17"],
    ['91440300O1526726XG', "invalid character 'O' at position 9"],
    ['9144030071526726X-', "invalid character '-' at position 18"],
    ['9144030071526726XA', 'check character mismatch: expected G, got A'],
    ['913305020000000211', 'check character mismatch: expected 0, got 1'],
  ])('rejects %s: %s', (code, reason) => {
    const result = validateUscc(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('makeUscc', () => {
  it.each([
    ['9144030071526726X', '9144030071526726XG'],
    ['91330502000000021', '913305020000000210'],
    ['91330502MA2B3C4D5', '91330502MA2B3C4D58'],
  ])('appends the check character to %s', (prefix, code) => {
    expect(makeUscc(prefix)).toBe(code);
  });

  it.each(['9133050200000002', '9133050200000002I'])('throws on a bad prefix %s', (prefix) => {
    expect(() => makeUscc(prefix)).toThrow(RangeError);
  });
});

describe('usccRegionCode', () => {
  it.each([
    ['9144030071526726XG', '440300'],
    ['91330502MA2B3C4D58', '330502'],
  ])('reads characters 3-8 of %s', (code, region) => {
    expect(usccRegionCode(code)).toBe(region);
  });
});
