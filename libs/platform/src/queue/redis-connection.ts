import { Redis } from 'ioredis';

/** The process's one Redis connection, shared by every queue and worker. */
export class RedisConnection {
  readonly client: Redis;

  constructor(url: string) {
    // BullMQ workers need maxRetriesPerRequest null: they block on Redis and must not give up on a reconnect.
    this.client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  }

  async open(): Promise<void> {
    if (this.client.status === 'wait') await this.client.connect();
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    if (this.client.status !== 'end') await this.client.quit().catch(() => this.client.disconnect());
  }
}
