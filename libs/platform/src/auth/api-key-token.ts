import { z } from 'zod';
import { REPORT_FIGURE_GROUPS, REPORT_FIGURE_KEYS } from '@gec/contracts';
import { Caller } from './caller';

/**
 * What a token from the platform's own issuer may say: it exists only so that a machine client (a bank's, or a data
 * provider's) can exchange its API key (finance, `POST /v1/auth/token`) for a short-lived bank or provider token.
 * Verifiers accept nothing else from that issuer, so even its leaked signing key mints no administrator, regulator or
 * enterprise, nor a long-lived token. A provider token comes only from this issuer (the identity provider's tokens
 * never carry the provider role): its scope is what the administrator registered.
 * Finance builds its tokens with `apiKeyTokenClaims`, so minting and checking share this one definition.
 */
export const API_KEY_TOKEN_TTL_SECONDS = 300;
/** RFC 9068 access tokens. */
export const API_KEY_TOKEN_TYPE = 'at+jwt';
/** The one algorithm finance signs with. */
export const API_KEY_TOKEN_ALGORITHM = 'ES256';

const SUBJECT_PREFIX = 'api-key:';
const KEY_ID = /^[0-9a-f]{24}$/;

const registered = {
  iss: z.string().min(1),
  aud: z.string().min(1),
  sub: z.string().startsWith(SUBJECT_PREFIX).refine((sub) => KEY_ID.test(sub.slice(SUBJECT_PREFIX.length)), 'expected api-key:<key id>'),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(1).max(100),
};
const CLIENT_ID = /^[a-z0-9-]{2,64}$/;
const knownFigure = new Set([...REPORT_FIGURE_KEYS, ...REPORT_FIGURE_GROUPS]);

/**
 * The two machine clients the platform mints tokens for, and nothing else: a bank's (its bank id), and a data
 * provider's (its id, region scope and the report figures it may supply, as registered by an administrator).
 */
const apiKeyTokenSchema = z
  .discriminatedUnion('role', [
    z.strictObject({ ...registered, role: z.literal('bank'), bank_id: z.string().regex(CLIENT_ID) }),
    z.strictObject({
      ...registered,
      role: z.literal('provider'),
      provider_id: z.string().regex(CLIENT_ID),
      region: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/),
      figures: z
        .array(z.string().refine((f) => knownFigure.has(f), 'expected a report figure key or group'))
        .min(1)
        .max(REPORT_FIGURE_KEYS.length),
    }),
  ])
  .refine((claims) => claims.exp - claims.iat <= API_KEY_TOKEN_TTL_SECONDS, { message: `an API-key token lives at most ${API_KEY_TOKEN_TTL_SECONDS} s`, path: ['exp'] });

export type ApiKeyTokenClaims = z.infer<typeof apiKeyTokenSchema>;

/** The claims finance signs for a bank's API key. */
export function apiKeyTokenClaims(input: { issuer: string; audience: string; keyId: string; bankId: string; jti: string; now: number }): ApiKeyTokenClaims {
  const iat = Math.floor(input.now / 1000);
  return { iss: input.issuer, aud: input.audience, sub: `${SUBJECT_PREFIX}${input.keyId}`, role: 'bank', bank_id: input.bankId, iat, exp: iat + API_KEY_TOKEN_TTL_SECONDS, jti: input.jti };
}

/** The claims finance signs for a data provider's API key: its id, region scope and allowed figures. */
export function providerApiKeyTokenClaims(input: { issuer: string; audience: string; keyId: string; providerId: string; region: string; figures: readonly string[]; jti: string; now: number }): ApiKeyTokenClaims {
  const iat = Math.floor(input.now / 1000);
  return {
    iss: input.issuer,
    aud: input.audience,
    sub: `${SUBJECT_PREFIX}${input.keyId}`,
    role: 'provider',
    provider_id: input.providerId,
    region: input.region,
    figures: [...input.figures],
    iat,
    exp: iat + API_KEY_TOKEN_TTL_SECONDS,
    jti: input.jti,
  };
}

/** The caller of a verified platform token, or why it is not an API-key token (any other role or claim is refused). */
export function callerFromApiKeyToken(claims: unknown): Caller | { error: string } {
  const parsed = apiKeyTokenSchema.safeParse(claims);
  if (!parsed.success) {
    return { error: `a platform token may only be an API key's bank or provider token: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'claims'}: ${i.message}`).join('; ')}` };
  }
  const c = parsed.data;
  const apiKeyId = c.sub.slice(SUBJECT_PREFIX.length);
  if (c.role === 'provider') return { subject: c.sub, role: 'provider', providerId: c.provider_id, regionPrefix: c.region, figures: Object.freeze([...c.figures]), apiKeyId };
  return { subject: c.sub, role: 'bank', bankId: c.bank_id, apiKeyId };
}
