import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key reads `gec_<keyId>_<secret>`: the key id (hex, so it never holds the separator) names the stored
 * record, the secret (32 random bytes, base64url) proves possession. Only the secret's SHA-256 is stored; a
 * secret of 256 random bits needs no slow hash.
 */
const API_KEY_FORMAT = /^gec_([0-9a-f]{24})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyParts {
  keyId: string;
  secret: string;
}

export function newApiKey(): ApiKeyParts & { apiKey: string } {
  const keyId = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, apiKey: `gec_${keyId}_${secret}` };
}

/** The key id and secret of a presented key, or null when it is not shaped like one of ours. */
export function parseApiKey(apiKey: string): ApiKeyParts | null {
  const match = API_KEY_FORMAT.exec(apiKey.trim());
  return match ? { keyId: match[1], secret: match[2] } : null;
}

/** The stored form of a secret: SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether a presented secret matches the stored hash, in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = createHash('sha256').update(secret, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
