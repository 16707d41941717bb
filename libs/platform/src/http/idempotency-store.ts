import { createHash, randomBytes } from 'node:crypto';
import { RedisConnection } from '../queue/redis-connection';

/** A first response as it is replayed: status, the headers that describe it, and the body exactly as sent. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  /** base64 of the body's bytes */
  body: string;
}

interface PendingRecord {
  state: 'pending';
  fingerprint: string;
  /** Tells this request's own marker from a later one's, should the marker have expired meanwhile. */
  owner: string;
}

interface DoneRecord {
  state: 'done';
  fingerprint: string;
  response: StoredResponse;
}

/** Who, where and which key: the Redis key's parts (hashed, so no token subject or key shows in Redis). */
export interface IdempotencyScope {
  role: string;
  subject: string;
  tenant: string;
  method: string;
  route: string;
  key: string;
}

export type BeginOutcome =
  | { kind: 'acquired'; claim: IdempotencyClaim }
  | { kind: 'in-flight' }
  | { kind: 'mismatch' }
  | { kind: 'replay'; response: StoredResponse };

/** This request's hold on a key: the marker it wrote, which only it may replace or remove. */
export interface IdempotencyClaim {
  redisKey: string;
  marker: string;
  fingerprint: string;
}

// Replace or remove the marker only if it is still ours (it may have expired and been taken by a retry).
const COMPLETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end return false`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Idempotency records in Redis, shared by every replica: one round trip before the handler (SET NX GET writes an
 * in-flight marker that expires after `inFlightMs`, or returns the record already there) and one after it (the
 * response replaces the marker and is kept for `ttlMs`, or the marker is removed so the client may retry).
 */
export class IdempotencyStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly namespace: string,
    private readonly inFlightMs: number,
    private readonly ttlMs: number,
  ) {}

  async begin(scope: IdempotencyScope, fingerprint: string): Promise<BeginOutcome> {
    const redisKey = `${this.namespace}:${createHash('sha256').update(JSON.stringify([scope.role, scope.subject, scope.tenant, scope.method, scope.route, scope.key])).digest('base64url')}`;
    const marker = JSON.stringify({ state: 'pending', fingerprint, owner: randomBytes(12).toString('base64url') } satisfies PendingRecord);
    const existing = (await this.redis.requests.call('SET', redisKey, marker, 'PX', String(this.inFlightMs), 'NX', 'GET')) as string | null;
    if (existing === null) return { kind: 'acquired', claim: { redisKey, marker, fingerprint } };
    const record = JSON.parse(existing) as PendingRecord | DoneRecord;
    if (record.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return record.state === 'done' ? { kind: 'replay', response: record.response } : { kind: 'in-flight' };
  }

  /** Keeps the response for the key's lifetime; false when the marker was no longer ours (it expired). */
  async complete(claim: IdempotencyClaim, response: StoredResponse): Promise<boolean> {
    const record = JSON.stringify({ state: 'done', fingerprint: claim.fingerprint, response } satisfies DoneRecord);
    return (await this.redis.requests.eval(COMPLETE, 1, claim.redisKey, claim.marker, record, String(this.ttlMs))) === 'OK';
  }

  /** Forgets the key, so that a retry runs the request again (after a 5xx, say). */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.redis.requests.eval(RELEASE, 1, claim.redisKey, claim.marker);
  }
}
