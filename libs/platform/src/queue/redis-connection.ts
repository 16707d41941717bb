import { Redis, RedisOptions } from 'ioredis';

/** How long a request's Redis command may take before the request fails instead of waiting on. */
const REQUEST_COMMAND_TIMEOUT_MS = 1000;

/**
 * The process's Redis connections: one shared by every queue and worker, which waits out outages, and one for
 * what HTTP requests do (access records, rate-limit counts, read-model change notices), which fails at once when
 * Redis is unreachable, so a request is refused rather than left hanging, and pipelines the commands of
 * concurrent requests into one round trip.
 */
export class RedisConnection {
  readonly client: Redis;
  readonly requests: Redis;

  constructor(private readonly url: string) {
    // BullMQ workers need maxRetriesPerRequest null: they block on Redis and must not give up on a reconnect.
    this.client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
    this.requests = new Redis(url, {
      lazyConnect: true,
      enableAutoPipelining: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: REQUEST_COMMAND_TIMEOUT_MS,
    });
  }

  /** A connection of its own (a subscriber's, or one for large reads); the caller connects and closes it. */
  dedicated(options: RedisOptions = {}): Redis {
    return new Redis(this.url, { lazyConnect: true, autoResubscribe: true, maxRetriesPerRequest: null, ...options });
  }

  async open(): Promise<void> {
    if (this.client.status === 'wait') await this.client.connect();
    if (this.requests.status === 'wait') await this.requests.connect();
  }

  async ping(): Promise<void> {
    await Promise.all([this.client.ping(), this.requests.ping()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.client, this.requests].map((c) => (c.status !== 'end' ? c.quit().catch(() => c.disconnect()) : undefined)));
  }
}
