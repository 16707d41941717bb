import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importJWK, JWTPayload, SignJWT } from 'jose';
import { z } from 'zod';
import { API_KEY_TOKEN_ALGORITHM, API_KEY_TOKEN_TYPE, ConfigError, DomainError } from '@gec/platform';

const ALGORITHM = API_KEY_TOKEN_ALGORITHM;
const CURRENT = 'AUTH_PLATFORM_SIGNING_KEY_FILE';
const PREVIOUS = 'AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE';

/** The file's shape: what the local authority writes as platform-signing-key.json, and what production mounts. */
const signingKeyFileSchema = z.object({
  kid: z.string().min(1),
  privateJwk: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(1), y: z.string().min(1), d: z.string().min(1) }),
});

/** The previous key, only published: its private half if the file still has it (the former current file), or the public half. */
const previousKeyFileSchema = z.union([
  signingKeyFileSchema,
  z.object({ kid: z.string().min(1), publicJwk: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(1), y: z.string().min(1) }) }),
]);

/** The public half, as a JWKS entry. */
export interface PublicSigningJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg: typeof ALGORITHM;
  use: 'sig';
}

interface LoadedKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicSigningJwk;
  /** During a rotation: the key signed with until now, still published so that its tokens verify until they expire. */
  previous?: PublicSigningJwk;
}

/**
 * The platform's own signing key, with which finance issues tokens for API keys and whose public half it
 * publishes. Optional: without it the rest of finance works and the token and JWKS routes answer 503.
 *
 * Rotation with an overlap: start finance with the new key in AUTH_PLATFORM_SIGNING_KEY_FILE and the old one in
 * AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE. New tokens carry the new kid; the JWKS publishes both, so tokens signed
 * before remain valid until they expire (5 minutes); after that, drop the previous key.
 */
export class PlatformSigningKey {
  private constructor(private readonly key: LoadedKey | null) {}

  /** Reads the key files; a configured file that is missing or malformed fails the start with a readable message. */
  static async load(file: string | undefined, previousFile?: string): Promise<PlatformSigningKey> {
    if (!file) {
      if (previousFile) throw new ConfigError(`Invalid configuration:\n  ${PREVIOUS}: set only together with ${CURRENT}`);
      return new PlatformSigningKey(null);
    }
    const parsed = readKeyFile(CURRENT, file, signingKeyFileSchema, '{ kid, privateJwk } EC P-256 key file');
    let privateKey: KeyObject;
    try {
      privateKey = (await importJWK(parsed.privateJwk, ALGORITHM)) as KeyObject;
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  ${CURRENT}: ${file} holds no usable ES256 private key (${reason(error)})`);
    }
    // The public half is derived from the private key, so a file with mismatched x/y cannot publish a wrong key.
    const key: LoadedKey = { kid: parsed.kid, privateKey, publicJwk: publicJwkOf(privateKey, parsed.kid) };
    if (previousFile) {
      const previous = readKeyFile(PREVIOUS, previousFile, previousKeyFileSchema, '{ kid, privateJwk } or { kid, publicJwk } EC P-256 key file');
      if (previous.kid === parsed.kid) throw new ConfigError(`Invalid configuration:\n  ${PREVIOUS}: has the current key's kid ${parsed.kid}; a rotated key needs a kid of its own`);
      try {
        key.previous = publicJwkOf(createPublicKey({ key: 'privateJwk' in previous ? previous.privateJwk : previous.publicJwk, format: 'jwk' }), previous.kid);
      } catch (error) {
        throw new ConfigError(`Invalid configuration:\n  ${PREVIOUS}: ${previousFile} holds no usable EC P-256 key (${reason(error)})`);
      }
    }
    return new PlatformSigningKey(key);
  }

  get kid(): string | null {
    return this.key?.kid ?? null;
  }

  get previousKid(): string | null {
    return this.key?.previous?.kid ?? null;
  }

  /** The public key set that verifiers (AUTH_PLATFORM_JWKS_URL) fetch: the current key, and the previous one during a rotation. */
  publicJwks(): { keys: PublicSigningJwk[] } {
    const key = this.required();
    return { keys: key.previous ? [key.publicJwk, key.previous] : [key.publicJwk] };
  }

  /** Signs these claims as an access token with the current platform key (ES256, typ at+jwt, header kid). */
  async sign(claims: JWTPayload): Promise<string> {
    const key = this.required();
    return new SignJWT(claims).setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: API_KEY_TOKEN_TYPE }).sign(key.privateKey);
  }

  /** Fails with 503 (unavailable) when no key is configured. */
  ensureAvailable(): void {
    this.required();
  }

  private required(): LoadedKey {
    if (!this.key) {
      throw new DomainError('unavailable', 'This service issues no platform tokens: its signing key is not configured (AUTH_PLATFORM_SIGNING_KEY_FILE).');
    }
    return this.key;
  }
}

function reason(error: unknown): string {
  if (error instanceof z.ZodError) return error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

function readKeyFile<S extends z.ZodType>(variable: string, file: string, schema: S, shape: string): z.infer<S> {
  try {
    return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${variable}: ${file} is not a readable ${shape} (${reason(error)})`);
  }
}

function publicJwkOf(key: KeyObject, kid: string): PublicSigningJwk {
  const { kty, crv, x, y } = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (kty !== 'EC' || crv !== 'P-256') throw new Error('not an EC P-256 key');
  return { kty: kty!, crv: crv!, x: x!, y: y!, kid, alg: ALGORITHM, use: 'sig' };
}
