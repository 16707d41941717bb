import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { ConfigError } from '../config/load-config';
import { PlatformConfig } from '../config/platform-config.schema';
import { DomainError } from '../errors/domain-error';
import { Caller } from './caller';
import { callerFromClaims } from './token-claims';

/** Only asymmetric signatures; `none` and shared-secret algorithms are refused before any key is looked up. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface TrustedIssuer {
  issuer: string;
  jwksUrl?: string;
  jwksFile?: string;
}

/**
 * Checks a bearer token: signed by a trusted issuer's key (the identity provider's, or the platform's own for
 * API-key tokens), for our audience, not expired, with the claims of one of the platform's roles.
 */
export class TokenVerifier {
  private readonly keysByIssuer = new Map<string, JWTVerifyGetKey>();

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
    const keys = this.keysByIssuer.get(claimedIssuer(token));
    if (!keys) throw DomainError.unauthenticated('The token is not from a trusted issuer.');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: claimedIssuer(token),
        audience: this.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw DomainError.unauthenticated(describe(error));
    }
    const caller = callerFromClaims(payload);
    if ('error' in caller) throw DomainError.unauthenticated(caller.error);
    return caller;
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
