import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error';
import { RedisConnection } from '../queue/redis-connection';

const WINDOW_MS = 60_000;

interface CallerCount {
  /** The caller's count in Redis (every replica's flushed requests), as of this replica's last sync. */
  shared: number;
  /** Admitted here and being added to Redis right now. */
  syncing: number;
  /** Admitted here since the last sync. */
  pending: number;
}

/**
 * A sliding one-minute window per caller (the usual two-window estimate: this minute's count plus the previous
 * minute's weighted by how much of it still lies within the last 60 s), shared by every replica of a service through Redis, without a Redis round
 * trip in series with each request. Each replica counts its callers' requests locally and adds them to the shared
 * count (INCRBY, all callers in one pipeline) every `syncMs`, learning the shared total in the reply; it refuses a
 * request once the shared total it knows plus what it admitted since exceeds the limit.
 *
 * Error bound: one replica alone never admits more than the limit. With R replicas, a caller can get past the
 * limit by at most what the other R - 1 replicas admitted for it in the last sync interval plus one round trip
 * (about `syncMs`, 200 ms by default) each, which they had not yet added to Redis; and never more than R x limit.
 * While Redis is unreachable each replica limits on its own counts (so at most R x limit) and adds them once it can.
 */
export class RateLimiter {
  private window: number;
  private counts = new Map<string, CallerCount>();
  /** Each caller's total in the previous window, as this replica last knew it. */
  private previous = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private failing = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly perMinute: number,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {
    this.window = currentWindow(clock());
  }

  /** Counts a request of `callerKey`, or refuses it (429 with Retry-After) when the caller is over its limit. */
  consume(callerKey: string): void {
    const now = this.clock();
    const window = currentWindow(now);
    if (window !== this.window) {
      // This window's counts become the previous one's; anything older no longer limits anyone.
      this.previous = new Map();
      if (window === this.window + 1) for (const [key, count] of this.counts) this.previous.set(key, total(count));
      this.window = window;
      this.counts = new Map();
    }
    let count = this.counts.get(callerKey);
    if (!count) {
      count = { shared: 0, syncing: 0, pending: 0 };
      this.counts.set(callerKey, count);
    }
    const elapsed = (now - window * WINDOW_MS) / WINDOW_MS;
    const previous = this.previous.get(callerKey) ?? 0;
    const current = total(count);
    if (previous * (1 - elapsed) + current + 1 > this.perMinute) {
      throw DomainError.rateLimited(retryAfterSeconds(this.perMinute, previous, current, elapsed));
    }
    count.pending++;
  }

  start(syncMs: number): void {
    this.timer = setInterval(() => void this.sync(), syncMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sync();
  }

  /** Adds what this replica admitted since the last sync to the shared counts, and learns the shared totals. */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const window = this.window;
    const counts = this.counts;
    const batch: Array<[string, CallerCount, number]> = [];
    for (const [callerKey, count] of counts) {
      if (count.pending === 0) continue;
      batch.push([callerKey, count, count.pending]);
      count.syncing += count.pending;
      count.pending = 0;
    }
    if (batch.length === 0) return;
    const pipeline = this.redis.requests.pipeline();
    for (const [callerKey, , amount] of batch) {
      const key = `${this.prefix}:rate:${callerKey}:${window}`;
      pipeline.incrby(key, amount).expire(key, 2 * (WINDOW_MS / 1000));
    }
    try {
      const results = await pipeline.exec();
      batch.forEach(([, count, amount], i) => {
        count.syncing -= amount;
        const [error, total] = results?.[2 * i] ?? [new Error('no reply')];
        if (error) count.pending += amount;
        else count.shared = Math.max(count.shared, Number(total));
      });
      if (this.failing) this.logger.info('rate-limit counts are shared again');
      this.failing = false;
    } catch (error) {
      for (const [, count, amount] of batch) {
        count.syncing -= amount;
        count.pending += amount;
      }
      if (!this.failing) this.logger.warn({ err: error }, 'rate-limit counts could not be shared; limiting on local counts until Redis answers');
      this.failing = true;
    }
  }
}

function total(count: CallerCount): number {
  return count.shared + count.syncing + count.pending;
}

/** Seconds until one more request fits the sliding estimate, if the caller sends nothing meanwhile. */
function retryAfterSeconds(limit: number, previous: number, current: number, elapsed: number): number {
  let wait: number;
  if (current + 1 <= limit) {
    // Within this window, once enough of the previous one has slid out.
    wait = (1 - (limit - 1 - current) / previous - elapsed) * WINDOW_MS;
  } else {
    // In the next window, once enough of this one has slid out.
    wait = (1 - elapsed + Math.max(0, 1 - (limit - 1) / current)) * WINDOW_MS;
  }
  return Math.max(1, Math.ceil(wait / 1000));
}

function currentWindow(now: number): number {
  return Math.floor(now / WINDOW_MS);
}
