import { DomainError } from '../errors/domain-error';
import { RedisConnection } from '../queue/redis-connection';

/** A fixed one-minute window per caller, counted in Redis so every instance of a service shares it. */
export class RateLimiter {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly perMinute: number,
  ) {}

  async consume(callerKey: string): Promise<void> {
    const now = Date.now();
    const window = Math.floor(now / 60000);
    const key = `${this.prefix}:rate:${callerKey}:${window}`;
    const results = await this.redis.client.multi().incr(key).expire(key, 61).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    if (count > this.perMinute) {
      throw DomainError.rateLimited(Math.max(1, Math.ceil(((window + 1) * 60000 - now) / 1000)));
    }
  }
}
