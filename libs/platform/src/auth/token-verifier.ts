import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { LruMap } from '../cache/lru-map';
import { ConfigError } from '../config/load-config';
import { PlatformConfig } from '../config/platform-config.schema';
import { DomainError } from '../errors/domain-error';
import { Caller } from './caller';
import { callerFromClaims } from './token-claims';

/** Only asymmetric signatures; `none` and shared-secret algorithms are refused before any key is looked up. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Seconds of clock skew allowed on `exp` (and `nbf`), here and in the cache. */
const CLOCK_TOLERANCE_S = 5;
/** Verified tokens remembered; beyond that the least recently used is verified again next time. */
const VERIFIED_CAPACITY = 10_000;
/** A verification is reused at most this long, so a key withdrawn from the JWKS stops being honoured soon after. */
const VERIFIED_MAX_AGE_MS = 5 * 60 * 1000;

interface Verified {
  caller: Caller;
  /** Until when the token may be accepted without verifying it again: its expiry (with tolerance), at most VERIFIED_MAX_AGE_MS. */
  until: number;
}

export interface TrustedIssuer {
  issuer: string;
  jwksUrl?: string;
  jwksFile?: string;
}

/**
 * Checks a bearer token: signed by a trusted issuer's key (the identity provider's, or the platform's own for
 * API-key tokens), for our audience, not expired, with the claims of one of the platform's roles.
 *
 * A token that passed every check is remembered (bounded LRU, keyed by the token string itself) until it expires,
 * so a client repeating its token does not pay for a signature verification on every request; its expiry is still
 * checked on every request. Refused tokens are never remembered.
 */
export class TokenVerifier {
  private readonly keysByIssuer = new Map<string, JWTVerifyGetKey>();
  private readonly verified = new LruMap<string, Verified>(VERIFIED_CAPACITY);

  constructor(
    issuers: TrustedIssuer[],
    private readonly audience: string,
  ) {
    for (const trusted of issuers) this.keysByIssuer.set(trusted.issuer, keySet(trusted));
  }

  static fromConfig(config: PlatformConfig): TokenVerifier {
    if (!config.AUTH_JWKS_URL && !config.AUTH_JWKS_FILE) {
      throw new ConfigError("Invalid configuration:\n  AUTH_JWKS_URL: set AUTH_JWKS_URL (the identity provider's keys) or AUTH_JWKS_FILE (a local JWKS file)");
    }
    const issuers: TrustedIssuer[] = [{ issuer: config.AUTH_ISSUER, jwksUrl: config.AUTH_JWKS_URL, jwksFile: config.AUTH_JWKS_FILE }];
    if (config.AUTH_PLATFORM_JWKS_URL || config.AUTH_PLATFORM_JWKS_FILE) {
      issuers.push({ issuer: config.AUTH_PLATFORM_ISSUER, jwksUrl: config.AUTH_PLATFORM_JWKS_URL, jwksFile: config.AUTH_PLATFORM_JWKS_FILE });
    }
    return new TokenVerifier(issuers, config.AUTH_AUDIENCE);
  }

  async verify(token: string): Promise<Caller> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.until) return known.caller;
      // Expired (or remembered long enough): verify afresh, which refuses an expired token with its reason.
      this.verified.delete(token);
    }
    const { caller, expiresAt } = await this.verifyFully(token);
    this.verified.set(token, { caller, until: Math.min(expiresAt + CLOCK_TOLERANCE_S * 1000, Date.now() + VERIFIED_MAX_AGE_MS) });
    return caller;
  }

  private async verifyFully(token: string): Promise<{ caller: Caller; expiresAt: number }> {
    const keys = this.keysByIssuer.get(claimedIssuer(token));
    if (!keys) throw DomainError.unauthenticated('The token is not from a trusted issuer.');
    let payload: { exp?: number };
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: claimedIssuer(token),
        audience: this.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      throw DomainError.unauthenticated(describe(error));
    }
    const caller = callerFromClaims(payload);
    if ('error' in caller) throw DomainError.unauthenticated(caller.error);
    // requiredClaims makes exp present; jose checked it is a number in the future.
    return { caller: Object.freeze(caller), expiresAt: payload.exp! * 1000 };
  }
}

function keySet(trusted: TrustedIssuer): JWTVerifyGetKey {
  if (trusted.jwksUrl) return createRemoteJWKSet(new URL(trusted.jwksUrl), { cacheMaxAge: 10 * 60 * 1000, cooldownDuration: 30 * 1000 });
  return createLocalJWKSet(JSON.parse(readFileSync(trusted.jwksFile!, 'utf8')) as JSONWebKeySet);
}

/** The issuer the token claims, only to pick whose keys to verify it with; the verification checks it again. */
function claimedIssuer(token: string): string {
  try {
    return decodeJwt(token).iss ?? '';
  } catch {
    throw DomainError.unauthenticated('The bearer token is not a JWT.');
  }
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted.`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with an accepted algorithm.';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'The token is not signed by a trusted key.';
  return 'The token is not valid.';
}
