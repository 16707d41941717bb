import { Job, JobsOptions, Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { requestContext } from '../context/request-context';
import { newId } from '../ids/event-ids';
import type { PlatformMetrics } from '../observability/platform-metrics';
import { RedisConnection } from './redis-connection';

/** What every job carries: ids to reload current state from, never the state itself. */
export interface JobData {
  correlationId?: string;
}

/** BullMQ queues and workers of one service, on the shared connection, closed cleanly on shutdown. */
export class JobQueues {
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly metrics?: PlatformMetrics,
  ) {
    metrics?.observeQueues(() => this.counts());
  }

  /** Jobs per queue and state, for the queue depth metric (one round trip per queue). */
  async counts(): Promise<Record<string, Record<string, number>>> {
    const entries = await Promise.all([...this.queues].map(async ([name, q]) => [name, await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')] as const));
    return Object.fromEntries(entries);
  }

  /** Adds a job whose id is its idempotency key: adding the same key twice runs it once. BullMQ refuses ":" in ids; use "/". */
  async add<T extends JobData>(queueName: string, jobName: string, data: T, idempotencyKey: string, options: JobsOptions = {}): Promise<void> {
    const correlationId = data.correlationId ?? requestContext.current()?.correlationId ?? newId();
    await this.queue(queueName).add(jobName, { ...data, correlationId }, {
      jobId: idempotencyKey,
      attempts: 5,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600, count: 10000 },
      removeOnFail: { age: 7 * 24 * 3600 },
      ...options,
    });
  }

  process<T extends JobData>(queueName: string, handler: (job: Job<T>) => Promise<void>, concurrency = 4): Worker {
    const log = this.logger.child({ queue: queueName });
    const worker = new Worker<T>(
      queueName,
      (job) =>
        requestContext.run({ correlationId: job.data.correlationId ?? newId(), jobId: job.id }, async () => {
          const timer = this.metrics?.jobDuration.startTimer({ queue: queueName });
          try {
            await handler(job);
            timer?.({ outcome: 'completed' });
          } catch (error) {
            timer?.({ outcome: 'failed' });
            throw error;
          }
        }),
      { connection: this.redis.client, prefix: this.prefix, concurrency },
    );
    worker.on('failed', (job, err) => log.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err }, 'job failed'));
    worker.on('error', (err) => log.error({ err }, 'worker error'));
    this.workers.push(worker);
    return worker;
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis.client, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** A queue is healthy when Redis answers for it. */
  async check(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.getJobCounts('waiting')));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
