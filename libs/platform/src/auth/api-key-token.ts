import { z } from 'zod';
import { Caller } from './caller';

/**
 * What a token from the platform's own issuer may say: it exists only so that a bank's machine client can exchange
 * its API key (finance, `POST /v1/auth/token`) for a short-lived bank token. Verifiers accept nothing else from that
 * issuer, so even its leaked signing key mints no administrator, regulator or enterprise, nor a long-lived token.
 * Finance builds its tokens with `apiKeyTokenClaims`, so minting and checking share this one definition.
 */
export const API_KEY_TOKEN_TTL_SECONDS = 300;
/** RFC 9068 access tokens. */
export const API_KEY_TOKEN_TYPE = 'at+jwt';
/** The one algorithm finance signs with. */
export const API_KEY_TOKEN_ALGORITHM = 'ES256';

const SUBJECT_PREFIX = 'api-key:';
const KEY_ID = /^[0-9a-f]{24}$/;

const apiKeyTokenSchema = z
  .strictObject({
    iss: z.string().min(1),
    aud: z.string().min(1),
    sub: z.string().startsWith(SUBJECT_PREFIX).refine((sub) => KEY_ID.test(sub.slice(SUBJECT_PREFIX.length)), 'expected api-key:<key id>'),
    role: z.literal('bank'),
    bank_id: z.string().regex(/^[a-z0-9-]{2,64}$/),
    iat: z.number().int(),
    exp: z.number().int(),
    jti: z.string().min(1).max(100),
  })
  .refine((claims) => claims.exp - claims.iat <= API_KEY_TOKEN_TTL_SECONDS, { message: `an API-key token lives at most ${API_KEY_TOKEN_TTL_SECONDS} s`, path: ['exp'] });

export type ApiKeyTokenClaims = z.infer<typeof apiKeyTokenSchema>;

/** The claims finance signs for a bank's API key. */
export function apiKeyTokenClaims(input: { issuer: string; audience: string; keyId: string; bankId: string; jti: string; now: number }): ApiKeyTokenClaims {
  const iat = Math.floor(input.now / 1000);
  return { iss: input.issuer, aud: input.audience, sub: `${SUBJECT_PREFIX}${input.keyId}`, role: 'bank', bank_id: input.bankId, iat, exp: iat + API_KEY_TOKEN_TTL_SECONDS, jti: input.jti };
}

/** The caller of a verified platform token, or why it is not an API-key token (any other role or claim is refused). */
export function callerFromApiKeyToken(claims: unknown): Caller | { error: string } {
  const parsed = apiKeyTokenSchema.safeParse(claims);
  if (!parsed.success) {
    return { error: `a platform token may only be an API key's bank token: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'claims'}: ${i.message}`).join('; ')}` };
  }
  const c = parsed.data;
  return { subject: c.sub, role: 'bank', bankId: c.bank_id, apiKeyId: c.sub.slice(SUBJECT_PREFIX.length) };
}
