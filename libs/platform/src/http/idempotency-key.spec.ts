import { DomainError } from '../errors/domain-error';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from './idempotency-key';
import { canonicalJson, requestFingerprint } from './idempotency-fingerprint';

describe('parseIdempotencyKey', () => {
  it.each([
    ['8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['  k1  ', 'k1'],
    ['"with space"', 'with space'],
    ['"esc \\"q\\" \\\\"', 'esc "q" \\'],
    ['x'.repeat(255), 'x'.repeat(255)],
    ['a:b/c=d+e_f.g~h', 'a:b/c=d+e_f.g~h'],
  ])('accepts %j as %j', (header, key) => {
    expect(parseIdempotencyKey(header)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['empty sf-string', '""'],
    ['too long', 'x'.repeat(256)],
    ['too long quoted', `"${'x'.repeat(256)}"`],
    ['inner space unquoted', 'two words'],
    ['non-ASCII', '幂等键'],
    ['control character', 'a\u0001b'],
    ['unterminated quote', '"abc'],
    ['bad escape', '"a\\nb"'],
    ['bare quote inside', 'a"b'],
    ['sent twice', ['a', 'b']],
  ])('refuses %s with a 400 naming the header', (_name, header) => {
    try {
      parseIdempotencyKey(header);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('validation');
      expect((error as DomainError).issues).toEqual([{ field: IDEMPOTENCY_KEY_HEADER, reason: expect.any(String) }]);
    }
  });
});

describe('requestFingerprint', () => {
  it('is the same for the same body in another key order', () => {
    expect(requestFingerprint('POST', '/v1/x', { a: 1, b: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(requestFingerprint('POST', '/v1/x', { b: { c: null, d: [1, { e: 3, f: 2 }] }, a: 1.0 }));
  });

  it.each([
    ['another body', ['POST', '/v1/x', { a: 2 }]],
    ['another path', ['POST', '/v1/y', { a: 1 }]],
    ['another query', ['POST', '/v1/x?z=1', { a: 1 }]],
    ['another method', ['PUT', '/v1/x', { a: 1 }]],
    ['no body', ['POST', '/v1/x', undefined]],
    ['the body as a string', ['POST', '/v1/x', '{"a":1}']],
  ] as const)('differs for %s', (_name, [method, url, body]) => {
    expect(requestFingerprint(method, url, body)).not.toBe(requestFingerprint('POST', '/v1/x', { a: 1 }));
  });

  it('writes canonical JSON like JSON.stringify, keys sorted', () => {
    expect(canonicalJson({ b: [undefined, 'x'], a: { y: undefined, z: true } })).toBe('{"a":{"z":true},"b":[null,"x"]}');
  });
});
