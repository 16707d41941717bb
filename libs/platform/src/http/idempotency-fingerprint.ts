import { createHash } from 'node:crypto';

/**
 * What makes two requests "the same request" for an idempotency key: the method, the URL (path and query) and
 * the body in canonical form (object keys sorted, so a client's re-serialisation with another key order or
 * number spelling matches), hashed.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  const hash = createHash('sha256').update(`${method} ${url}\n`);
  if (Buffer.isBuffer(body)) hash.update('b:').update(body);
  else if (typeof body === 'string') hash.update('s:').update(body);
  else if (body !== undefined) hash.update('j:').update(canonicalJson(body));
  return hash.digest('base64url');
}

/** JSON with every object's keys in sorted order and undefined members left out, as JSON.stringify would. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const members = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
