import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RedisConnection } from '../queue/redis-connection';
import { API_KEY_TOKEN_TTL_SECONDS } from './api-key-token';
import { RevokedApiKeys } from './revoked-api-keys';

/**
 * How long a revocation is kept: well past the longest life of an API-key token (5 min), so every token of a revoked
 * key, even one minted in a race with the revocation, has expired before its key leaves the list. The exchange of a
 * revoked key is refused by the key's own record in any case.
 */
const RETENTION_MS = Math.max(3600, 10 * API_KEY_TOKEN_TTL_SECONDS) * 1000;

/**
 * The denylist of revoked API keys shared by every service through Redis: a sorted set (key id -> revoked at) and a
 * channel on which each revocation is announced. Each process keeps the set in memory (RevokedApiKeys): a notice
 * adds to it at once (normally within milliseconds of the revocation), and the whole set is re-read every
 * `refreshMs`, which catches a notice lost while the subscription was down and drops expired entries.
 */
export class ApiKeyRevocations {
  private readonly key: string;
  private readonly channel: string;
  private subscriber?: Redis;
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  private failing = false;

  constructor(
    private readonly redis: RedisConnection,
    prefix: string,
    readonly revoked: RevokedApiKeys,
    private readonly logger: Logger,
    private readonly refreshMs: number,
  ) {
    this.key = `${prefix}:auth:revoked-api-keys`;
    this.channel = `${prefix}:auth:api-key-revoked`;
  }

  /** Adds the key to the denylist every replica of every service checks, and announces it; fails if Redis does. */
  async revoke(keyId: string, at: Date = new Date()): Promise<void> {
    this.revoked.add(keyId);
    const now = at.getTime();
    await this.redis.requests
      .multi()
      .zadd(this.key, now, keyId)
      .zremrangebyscore(this.key, '-inf', now - RETENTION_MS)
      .pexpire(this.key, RETENTION_MS)
      .publish(this.channel, keyId)
      .exec()
      .then((results) => {
        const failed = results?.find(([error]) => error);
        if (!results || failed) throw failed?.[0] ?? new Error('the revocation was not written');
      });
  }

  async start(): Promise<void> {
    const subscriber = this.redis.dedicated();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, keyId: string) => this.revoked.add(keyId));
    subscriber.on('error', (error: Error) => this.logger.debug({ err: error }, 'API-key revocation subscription error'));
    // After a reconnect (ioredis re-subscribes), re-read at once what may have been announced meanwhile.
    subscriber.on('ready', () => void this.refresh());
    await subscriber.connect();
    await subscriber.subscribe(this.channel);
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
    if (this.subscriber && this.subscriber.status !== 'end') await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Re-reads the whole denylist (it holds the revocations of the last hour: a handful of ids). */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshOnce().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    const askedAt = this.revoked.confirming();
    try {
      const ids = await this.redis.requests.zrangebyscore(this.key, Date.now() - RETENTION_MS, '+inf');
      this.revoked.confirmed(ids, askedAt);
      if (this.failing) this.logger.info('revoked API keys are read again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: error, staleMs: this.revoked.staleMs }, 'revoked API keys could not be read; API-key tokens are refused (503) once the list is stale');
      this.failing = true;
    }
  }
}
