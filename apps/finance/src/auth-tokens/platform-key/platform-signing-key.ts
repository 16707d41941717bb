import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importJWK, JWTPayload, SignJWT } from 'jose';
import { z } from 'zod';
import { ConfigError, DomainError } from '@gec/platform';

const ALGORITHM = 'ES256';

/** The file's shape: what the local authority writes as platform-signing-key.json, and what production mounts. */
const signingKeyFileSchema = z.object({
  kid: z.string().min(1),
  privateJwk: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(1), y: z.string().min(1), d: z.string().min(1) }),
});

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
}

/**
 * The platform's own signing key, with which finance issues tokens for API keys and whose public half it
 * publishes. Optional: without it the rest of finance works and the token and JWKS routes answer 503.
 */
export class PlatformSigningKey {
  private constructor(private readonly key: LoadedKey | null) {}

  /** Reads the key file; a configured file that is missing or malformed fails the start with a readable message. */
  static async load(file: string | undefined): Promise<PlatformSigningKey> {
    if (!file) return new PlatformSigningKey(null);
    let parsed: z.infer<typeof signingKeyFileSchema>;
    try {
      parsed = signingKeyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  AUTH_PLATFORM_SIGNING_KEY_FILE: ${file} is not a readable { kid, privateJwk } EC P-256 key file (${reason(error)})`);
    }
    let privateKey: KeyObject;
    try {
      privateKey = (await importJWK(parsed.privateJwk, ALGORITHM)) as KeyObject;
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  AUTH_PLATFORM_SIGNING_KEY_FILE: ${file} holds no usable ES256 private key (${reason(error)})`);
    }
    // The public half is derived from the private key, so a file with mismatched x/y cannot publish a wrong key.
    const { kty, crv, x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
    return new PlatformSigningKey({ kid: parsed.kid, privateKey, publicJwk: { kty: kty!, crv: crv!, x: x!, y: y!, kid: parsed.kid, alg: ALGORITHM, use: 'sig' } });
  }

  get kid(): string | null {
    return this.key?.kid ?? null;
  }

  /** The public key set that verifiers (AUTH_PLATFORM_JWKS_URL) fetch. */
  publicJwks(): { keys: PublicSigningJwk[] } {
    return { keys: [this.required().publicJwk] };
  }

  /** Signs these claims as a JWT with the platform key (ES256, header kid). */
  async sign(claims: JWTPayload): Promise<string> {
    const key = this.required();
    return new SignJWT(claims).setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
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
