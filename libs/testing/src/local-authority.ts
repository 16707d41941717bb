import { createPrivateKey, generateKeyPairSync, JsonWebKey, KeyObject, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';

export type TokenClaims =
  | { role: 'enterprise'; uscc: string }
  | { role: 'bank'; bankId: string }
  | { role: 'regulator'; region: string }
  | { role: 'admin' };

export interface TokenOptions {
  subject?: string;
  expiresInSeconds?: number;
  audience?: string;
  issuer?: string;
  /** Sign with a key nobody trusts. */
  untrustedKey?: boolean;
}

interface StoredKey {
  kid: string;
  privateJwk: JsonWebKey;
}

/**
 * A stand-in for the identity provider on one machine: keeps signing keys in a folder, publishes their public
 * halves as JWKS files the services trust, and mints tokens (also deliberately bad ones, for tests).
 * It also holds the platform's own signing key, with which finance issues tokens for API keys.
 */
export class LocalAuthority {
  readonly issuer = 'https://idp.gec.local/dev';
  readonly audience = 'green-efficiency-code';
  readonly platformIssuer = 'https://gec.local/token';
  private readonly idpKey: StoredKey;
  private readonly platformKey: StoredKey;
  private readonly strangerKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.idpKey = loadOrCreate(path.join(dir, 'idp-signing-key.json'));
    this.platformKey = loadOrCreate(path.join(dir, 'platform-signing-key.json'));
    writeFileSync(this.jwksFile, JSON.stringify({ keys: [publicJwk(this.idpKey)] }, null, 2));
    writeFileSync(this.platformJwksFile, JSON.stringify({ keys: [publicJwk(this.platformKey)] }, null, 2));
  }

  get jwksFile(): string {
    return path.join(this.dir, 'idp-jwks.json');
  }

  get platformJwksFile(): string {
    return path.join(this.dir, 'platform-jwks.json');
  }

  /** The settings that make a service trust this authority (and let finance sign API-key tokens). */
  env(): Record<string, string> {
    return {
      AUTH_ISSUER: this.issuer,
      AUTH_AUDIENCE: this.audience,
      AUTH_JWKS_FILE: this.jwksFile,
      AUTH_PLATFORM_ISSUER: this.platformIssuer,
      AUTH_PLATFORM_JWKS_FILE: this.platformJwksFile,
      AUTH_PLATFORM_SIGNING_KEY_FILE: path.join(this.dir, 'platform-signing-key.json'),
    };
  }

  async token(claims: TokenClaims, options: TokenOptions = {}): Promise<string> {
    const key = options.untrustedKey ? { kid: this.idpKey.kid, privateKey: this.strangerKey } : { kid: this.idpKey.kid, privateKey: privateKeyOf(this.idpKey) };
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(toJwtClaims(claims))
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setSubject(options.subject ?? defaultSubject(claims))
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(key.privateKey);
  }

  /** A token with `alg: none` and no signature, which must never be accepted. */
  unsignedToken(claims: TokenClaims): string {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...toJwtClaims(claims), sub: defaultSubject(claims), iss: this.issuer, aud: this.audience, iat: now, exp: now + 3600 })}.`;
  }

  async headers(claims: TokenClaims, options?: TokenOptions): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.token(claims, options)}` };
  }
}

function toJwtClaims(claims: TokenClaims): Record<string, string> {
  switch (claims.role) {
    case 'enterprise':
      return { role: claims.role, uscc: claims.uscc };
    case 'bank':
      return { role: claims.role, bank_id: claims.bankId };
    case 'regulator':
      return { role: claims.role, region: claims.region };
    case 'admin':
      return { role: claims.role };
  }
}

function defaultSubject(claims: TokenClaims): string {
  switch (claims.role) {
    case 'enterprise':
      return `enterprise-user-${claims.uscc}`;
    case 'bank':
      return `bank-officer-${claims.bankId}`;
    case 'regulator':
      return `regulator-${claims.region}`;
    case 'admin':
      return 'platform-admin';
  }
}

function loadOrCreate(file: string): StoredKey {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stored: StoredKey = { kid: randomUUID(), privateJwk: privateKey.export({ format: 'jwk' }) };
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return stored;
}

function privateKeyOf(stored: StoredKey): KeyObject {
  return createPrivateKey({ key: stored.privateJwk, format: 'jwk' });
}

function publicJwk(stored: StoredKey): JsonWebKey & { kid: string; alg: string; use: string } {
  const { d: _private, ...publicPart } = stored.privateJwk;
  return { ...publicPart, kid: stored.kid, alg: 'ES256', use: 'sig' };
}
