import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One partition's lag: its high watermark minus the consumer group's committed offset. */
export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/** A queue's job counts by state (BullMQ's `getJobCounts`). */
export type QueueCounts = Record<string, Record<string, number>>;

/** Gauges that need a round trip (Kafka admin, Redis) are refreshed on a scrape, at most once per this interval. */
export const SCRAPE_REFRESH_MS = 5000;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * One Prometheus registry per process. Counters that the pipeline's own benchmarks read live here too
 * (`gec_db_commands_total` counts database round trips, so `npm run bench` can divide them by reports).
 * Process metrics come from prom-client's default collectors (`gec_process_*`, `gec_nodejs_*`).
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly dbCommands: Counter<'command'>;
  readonly eventsConsumed: Counter<'topic'>;
  readonly eventsProduced: Counter<'topic'>;
  readonly eventsDeadLettered: Counter<'topic'>;
  readonly eventHandling: Histogram<'topic' | 'outcome'>;
  readonly httpRequests: Histogram<'method' | 'route' | 'status'>;
  readonly jobDuration: Histogram<'queue' | 'outcome'>;
  private lagSource?: () => Promise<PartitionLag[]>;
  private queueSource?: () => Promise<QueueCounts>;
  private outboxSource?: () => number;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'gec_' });
    const registers = [this.registry];
    this.dbCommands = new Counter({ name: 'gec_db_commands_total', help: 'Database commands sent (each one round trip)', labelNames: ['command'], registers });
    this.eventsConsumed = new Counter({ name: 'gec_events_consumed_total', help: 'Events handled by this service', labelNames: ['topic'], registers });
    this.eventsProduced = new Counter({ name: 'gec_events_produced_total', help: 'Events published by this service', labelNames: ['topic'], registers });
    this.eventsDeadLettered = new Counter({ name: 'gec_events_dead_lettered_total', help: 'Events moved to a dead-letter topic', labelNames: ['topic'], registers });
    this.eventHandling = new Histogram({
      name: 'gec_event_handling_duration_seconds',
      help: 'Duration of one handler call (a batch of events, or one event when a batch is retried event by event)',
      labelNames: ['topic', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.httpRequests = new Histogram({
      name: 'gec_http_request_duration_seconds',
      help: 'HTTP requests by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.jobDuration = new Histogram({ name: 'gec_queue_job_duration_seconds', help: 'BullMQ job runs by queue and outcome', labelNames: ['queue', 'outcome'], buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900], registers });

    const outboxPending = () => this.outboxSource?.() ?? 0;
    const lag = cachedRefresh<PartitionLag[]>(async () => (this.lagSource ? this.lagSource() : []));
    new Gauge({
      name: 'gec_kafka_consumer_lag',
      help: "Messages behind per partition: high watermark minus the consumer group's committed offset (refreshed on scrape, at most every 5 s)",
      labelNames: ['topic', 'partition'],
      registers,
      async collect() {
        const partitions = await lag();
        if (!partitions) return;
        this.reset();
        for (const p of partitions) this.set({ topic: p.topic, partition: String(p.partition) }, p.lag);
      },
    });
    const queues = cachedRefresh<QueueCounts>(async () => (this.queueSource ? this.queueSource() : {}));
    new Gauge({
      name: 'gec_queue_jobs',
      help: 'BullMQ jobs by queue and state (refreshed on scrape, at most every 5 s)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        const counts = await queues();
        if (!counts) return;
        this.reset();
        for (const [queue, states] of Object.entries(counts)) for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
      },
    });
    new Gauge({
      name: 'gec_outbox_pending',
      help: "Documents this process's outbox relay still has to send events from",
      registers,
      collect() {
        this.set(outboxPending());
      },
    });
  }

  /** Where the consumer lag comes from (the Kafka consumer of this process, if it has one). */
  observeLag(source: () => Promise<PartitionLag[]>): void {
    this.lagSource = source;
  }

  observeQueues(source: () => Promise<QueueCounts>): void {
    this.queueSource = source;
  }

  observeOutbox(source: () => number): void {
    this.outboxSource = source;
  }
}

/**
 * Runs `load` at most once per SCRAPE_REFRESH_MS and one at a time; a failure keeps the last values (undefined
 * until one load succeeded), so a broker or Redis outage neither fails the scrape nor makes it slow twice.
 */
function cachedRefresh<T>(load: () => Promise<T>): () => Promise<T | undefined> {
  let last: T | undefined;
  let at = 0;
  let running: Promise<void> | undefined;
  return async () => {
    if (Date.now() - at >= SCRAPE_REFRESH_MS) {
      running ??= withTimeout(load(), SCRAPE_REFRESH_MS)
        .then((value) => {
          last = value;
        })
        .catch(() => undefined)
        .finally(() => {
          at = Date.now();
          running = undefined;
        });
      await running;
    }
    return last;
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
