import type { Logger } from 'pino';
import type { Model } from 'mongoose';

/** What a collection keeps: documents whose `field` (a date) is older than `maxAgeMs` are deleted. */
export interface RetentionRule {
  /** For logs and the sweep's result, e.g. `processed_events`. */
  name: string;
  model: Model<never>;
  field: string;
  maxAgeMs: number;
}

/**
 * Deletes what collections no longer need to keep, every `everyMs` in every process (deletes by date are idempotent,
 * so replicas sweeping at once do no harm). A sweep rather than a TTL index, because the database stand-in has no TTL
 * monitor; on MongoDB an index on each rule's field keeps the sweep cheap.
 */
export class Retention {
  private readonly rules: RetentionRule[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly logger: Logger) {}

  register(rule: RetentionRule): void {
    if (!(rule.maxAgeMs > 0)) throw new RangeError(`retention of ${rule.name} must be positive`);
    this.rules.push(rule);
  }

  /** Deletes every rule's expired documents as of `now`; the number deleted per rule. */
  async sweep(now: Date = new Date()): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const rule of this.rules) {
      const result = await rule.model.deleteMany({ [rule.field]: { $lt: new Date(now.getTime() - rule.maxAgeMs) } } as never);
      deleted[rule.name] = result.deletedCount;
    }
    return deleted;
  }

  start(everyMs: number): void {
    const tick = () => {
      this.running ??= this.sweep()
        .then((deleted) => {
          if (Object.values(deleted).some((n) => n > 0)) this.logger.info({ deleted }, 'expired documents deleted');
        })
        .catch((error: unknown) => this.logger.warn({ err: error }, 'retention sweep failed; the next one tries again'))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
