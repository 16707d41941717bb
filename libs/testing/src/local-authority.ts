import { createPrivateKey, generateKeyPairSync, JsonWebKey, KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { providerApiKeyTokenClaims } from '@gec/platform';

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
  /** Sign with a key nobody trusts (under the trusted key's kid, or `unknownKid`: under a kid the JWKS lacks). */
  untrustedKey?: boolean;
  unknownKid?: boolean;
  /** `iat` this long ago (default now); null leaves `iat` out. */
  issuedSecondsAgo?: number | null;
  /** `nbf` this far ahead. */
  notBeforeInSeconds?: number;
  /** The `typ` header (default at+jwt, RFC 9068); null leaves it out. */
  type?: string | null;
}

/** The access-token type every token here carries, as finance's do (RFC 9068). */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

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
  private platformKey: StoredKey;
  private readonly strangerKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.idpKey = loadOrCreate(path.join(dir, 'idp-signing-key.json'));
    this.platformKey = loadOrCreate(this.platformKeyFile);
    writeFileSync(this.jwksFile, JSON.stringify({ keys: [publicJwk(this.idpKey)] }, null, 2));
    this.writePlatformJwks();
  }

  private get platformKeyFile(): string {
    return path.join(this.dir, 'platform-signing-key.json');
  }

  private get previousPlatformKeyFile(): string {
    return path.join(this.dir, 'platform-signing-key.previous.json');
  }

  /** The kid of the platform key finance signs with. */
  get platformKid(): string {
    return this.platformKey.kid;
  }

  /**
   * Rotates the platform signing key as an operator would: the current key becomes the previous one (still
   * published, so its tokens stay valid until they expire), a new one signs from now on. Services started afterwards
   * with `env()` use both.
   */
  rotatePlatformKey(): void {
    writeFileSync(this.previousPlatformKeyFile, readFileSync(this.platformKeyFile), { mode: 0o600 });
    this.platformKey = create(this.platformKeyFile);
    this.writePlatformJwks();
  }

  private writePlatformJwks(): void {
    const keys = [this.platformKey, ...(existsSync(this.previousPlatformKeyFile) ? [load(this.previousPlatformKeyFile)] : [])];
    writeFileSync(this.platformJwksFile, JSON.stringify({ keys: keys.map(publicJwk) }, null, 2));
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
      AUTH_PLATFORM_SIGNING_KEY_FILE: this.platformKeyFile,
      ...(existsSync(this.previousPlatformKeyFile) ? { AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE: this.previousPlatformKeyFile } : {}),
    };
  }

  async token(claims: TokenClaims, options: TokenOptions = {}): Promise<string> {
    const untrusted = options.untrustedKey || options.unknownKid;
    const key = { kid: options.unknownKid ? randomUUID() : this.idpKey.kid, privateKey: untrusted ? this.strangerKey : privateKeyOf(this.idpKey) };
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(toJwtClaims(claims))
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, ...(options.type === null ? {} : { typ: options.type ?? ACCESS_TOKEN_TYPE }) })
      .setSubject(options.subject ?? defaultSubject(claims))
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600));
    if (options.issuedSecondsAgo !== null) jwt.setIssuedAt(now - (options.issuedSecondsAgo ?? 0));
    if (options.notBeforeInSeconds !== undefined) jwt.setNotBefore(now + options.notBeforeInSeconds);
    return jwt.sign(key.privateKey);
  }

  /** A token with `alg: none` and no signature, which must never be accepted. */
  unsignedToken(claims: TokenClaims): string {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode({ alg: 'none', typ: ACCESS_TOKEN_TYPE })}.${encode(this.payload(claims))}.`;
  }

  /**
   * The classic algorithm confusion: HS256 with the identity provider's public key (which anyone can fetch) as the
   * shared secret, for a verifier that would let the token pick the algorithm.
   */
  async publicKeyHmacToken(claims: TokenClaims): Promise<string> {
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk(this.idpKey)));
    return new SignJWT(this.payload(claims)).setProtectedHeader({ alg: 'HS256', kid: this.idpKey.kid, typ: ACCESS_TOKEN_TYPE }).sign(secret);
  }

  /**
   * Any claims, signed with the platform's own key under its issuer, as someone holding a leaked copy of that key
   * could (finance's genuine tokens come from POST /v1/auth/token).
   */
  async platformToken(claims: Record<string, unknown>): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: this.platformIssuer, aud: this.audience, iat: now, exp: now + 300, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: this.platformKey.kid, typ: ACCESS_TOKEN_TYPE })
      .sign(privateKeyOf(this.platformKey));
  }

  /**
   * A data provider's token exactly as finance mints it for one of the provider's API keys (a key nobody revoked),
   * without finance running: its id, region scope and allowed figures.
   */
  async providerToken(provider: { providerId: string; region: string; figures: string[] }): Promise<string> {
    const claims = providerApiKeyTokenClaims({ issuer: this.platformIssuer, audience: this.audience, keyId: randomBytes(12).toString('hex'), jti: randomUUID(), now: Date.now(), ...provider });
    return this.platformToken({ ...claims });
  }

  private payload(claims: TokenClaims): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return { ...toJwtClaims(claims), sub: defaultSubject(claims), iss: this.issuer, aud: this.audience, iat: now, exp: now + 3600 };
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
  return existsSync(file) ? load(file) : create(file);
}

function load(file: string): StoredKey {
  return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
}

function create(file: string): StoredKey {
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
