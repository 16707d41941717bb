import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, JSONWebKeySet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { LruMap } from '../cache/lru-map';
import { ConfigError } from '../config/load-config';
import { acceptedAudiences, PlatformConfig } from '../config/platform-config.schema';
import { DomainError } from '../errors/domain-error';
import { API_KEY_TOKEN_ALGORITHM, API_KEY_TOKEN_TYPE, callerFromApiKeyToken } from './api-key-token';
import { Caller } from './caller';
import { RevokedApiKeys } from './revoked-api-keys';
import { callerFromClaims } from './token-claims';

/** Only asymmetric signatures; `none` and shared-secret algorithms are refused before any key is looked up. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Seconds of clock skew allowed on `exp`, `nbf` and `iat`, here and in the cache. */
const CLOCK_TOLERANCE_S = 5;
/** Verified tokens remembered; beyond that the least recently used is verified again next time. */
const VERIFIED_CAPACITY = 10_000;
/** A verification is reused at most this long, so a key withdrawn from the JWKS stops being honoured soon after. */
const VERIFIED_MAX_AGE_MS = 5 * 60 * 1000;
/** A remote key set is re-read at most this often when a token names a key it lacks (a rotation), and every 10 min. */
const JWKS_COOLDOWN_MS = 30 * 1000;

interface Verified {
  caller: Caller;
  /** Until when the token may be accepted without verifying it again: its expiry and maximum age, at most VERIFIED_MAX_AGE_MS. */
  until: number;
}

export interface TrustedIssuer {
  issuer: string;
  jwksUrl?: string;
  jwksFile?: string;
}

export interface TokenVerifierOptions {
  /** The organisation's identity provider: any role. */
  identityProvider: TrustedIssuer;
  /** The platform's own issuer (finance, for API keys): only an API key's bank or provider token (see api-key-token.ts). */
  platform?: TrustedIssuer;
  /** `aud` must name one of these. */
  audiences: string[];
  /** Tokens whose `iat` is older are refused, whatever their `exp`; tokens without `iat` too. */
  maxAgeSeconds: number;
  /** `typ` header values accepted from the identity provider (platform tokens are always `at+jwt`). */
  tokenTypes: string[];
  /** Checked on every request with an API-key token, remembered or not. */
  revokedApiKeys: RevokedApiKeys;
}

interface IssuerProfile {
  keys: JWTVerifyGetKey;
  algorithms: string[];
  tokenTypes: Set<string>;
  callerFrom: (claims: JWTPayload) => Caller | { error: string };
}

/**
 * Checks a bearer token: signed by a trusted issuer's key, of an accepted type (`typ`), for one of this service's
 * audiences, not expired, not yet valid or too old, with the claims of one of the platform's roles (the platform's
 * own issuer: only an API key's bank or provider token), and, for an API-key token, its key not revoked. The one verifier every
 * service uses.
 *
 * A token that passed every check is remembered (bounded LRU, keyed by the token string itself) until it expires or
 * grows too old, so a client repeating its token does not pay for a signature verification on every request; the
 * revocation of its API key is still checked on every request. Refused tokens are never remembered.
 */
export class TokenVerifier {
  private readonly issuers = new Map<string, IssuerProfile>();
  private readonly verified = new LruMap<string, Verified>(VERIFIED_CAPACITY);
  private readonly audiences: string[];
  private readonly maxAgeSeconds: number;
  private readonly revokedApiKeys: RevokedApiKeys;

  constructor(options: TokenVerifierOptions) {
    this.audiences = options.audiences;
    this.maxAgeSeconds = options.maxAgeSeconds;
    this.revokedApiKeys = options.revokedApiKeys;
    this.issuers.set(options.identityProvider.issuer, {
      keys: keySet(options.identityProvider),
      algorithms: ALGORITHMS,
      tokenTypes: new Set(options.tokenTypes.map(normalizeType)),
      callerFrom: callerFromClaims,
    });
    if (options.platform) {
      if (options.platform.issuer === options.identityProvider.issuer) {
        throw new ConfigError('Invalid configuration:\n  AUTH_PLATFORM_ISSUER: must differ from AUTH_ISSUER (the platform may only issue API-key tokens)');
      }
      this.issuers.set(options.platform.issuer, {
        keys: keySet(options.platform),
        algorithms: [API_KEY_TOKEN_ALGORITHM],
        tokenTypes: new Set([API_KEY_TOKEN_TYPE]),
        callerFrom: callerFromApiKeyToken,
      });
    }
  }

  static fromConfig(config: PlatformConfig, revokedApiKeys: RevokedApiKeys): TokenVerifier {
    if (!config.AUTH_JWKS_URL && !config.AUTH_JWKS_FILE) {
      throw new ConfigError("Invalid configuration:\n  AUTH_JWKS_URL: set AUTH_JWKS_URL (the identity provider's keys) or AUTH_JWKS_FILE (a local JWKS file)");
    }
    const platform =
      config.AUTH_PLATFORM_JWKS_URL || config.AUTH_PLATFORM_JWKS_FILE
        ? { issuer: config.AUTH_PLATFORM_ISSUER, jwksUrl: config.AUTH_PLATFORM_JWKS_URL, jwksFile: config.AUTH_PLATFORM_JWKS_FILE }
        : undefined;
    return new TokenVerifier({
      identityProvider: { issuer: config.AUTH_ISSUER, jwksUrl: config.AUTH_JWKS_URL, jwksFile: config.AUTH_JWKS_FILE },
      platform,
      audiences: acceptedAudiences(config),
      maxAgeSeconds: config.AUTH_TOKEN_MAX_AGE_SECONDS,
      tokenTypes: config.AUTH_TOKEN_TYPES,
      revokedApiKeys,
    });
  }

  async verify(token: string): Promise<Caller> {
    let known = this.verified.get(token);
    if (known && Date.now() >= known.until) {
      // Expired or too old (or remembered long enough): verify afresh, which refuses it with its reason.
      this.verified.delete(token);
      known = undefined;
    }
    if (!known) {
      known = await this.verifyFully(token);
      this.verified.set(token, known);
    }
    if (known.caller.apiKeyId) this.revokedApiKeys.check(known.caller.apiKeyId);
    return known.caller;
  }

  private async verifyFully(token: string): Promise<Verified> {
    const issuer = claimedIssuer(token);
    const profile = this.issuers.get(issuer);
    if (!profile) throw DomainError.unauthenticated('The token is not from a trusted issuer.');
    // Read unverified only to refuse early; the signature covers the header, so an accepted token's typ is genuine.
    const type = decodeProtectedHeader(token).typ;
    if (typeof type !== 'string' || !profile.tokenTypes.has(normalizeType(type))) {
      throw DomainError.unauthenticated(`The token's type (typ header) is not accepted; expected ${[...profile.tokenTypes].join(' or ')}.`);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, profile.keys, {
        issuer,
        audience: this.audiences,
        algorithms: profile.algorithms,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: this.maxAgeSeconds,
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      throw DomainError.unauthenticated(describe(error));
    }
    const caller = profile.callerFrom(payload);
    if ('error' in caller) throw DomainError.unauthenticated(caller.error);
    // requiredClaims makes exp and iat present; jose checked they are numbers, exp in the future, iat recent enough.
    const until = Math.min(payload.exp! + CLOCK_TOLERANCE_S, payload.iat! + this.maxAgeSeconds + CLOCK_TOLERANCE_S) * 1000;
    return { caller: Object.freeze(caller), until: Math.min(until, Date.now() + VERIFIED_MAX_AGE_MS) };
  }
}

function keySet(trusted: TrustedIssuer): JWTVerifyGetKey {
  if (trusted.jwksUrl) return createRemoteJWKSet(new URL(trusted.jwksUrl), { cacheMaxAge: 10 * 60 * 1000, cooldownDuration: JWKS_COOLDOWN_MS });
  return createLocalJWKSet(JSON.parse(readFileSync(trusted.jwksFile!, 'utf8')) as JSONWebKeySet);
}

/** As RFC 7515 compares media types: case-insensitive, `application/` implied. */
function normalizeType(type: string): string {
  return type.toLowerCase().replace(/^application\//, '');
}

/** The issuer the token claims, only to pick whose keys to verify it with; the verification checks it again. */
function claimedIssuer(token: string): string {
  try {
    decodeProtectedHeader(token);
    return decodeJwt(token).iss ?? '';
  } catch {
    throw DomainError.unauthenticated('The bearer token is not a JWT.');
  }
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return error.claim === 'iat' ? 'The token is older than the accepted maximum age.' : 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted.`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with an accepted algorithm.';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'The token is not signed by a trusted key.';
  return 'The token is not valid.';
}
