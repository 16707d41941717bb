import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * One Prometheus registry per process. Counters that the pipeline's own benchmarks read live here too
 * (`gec_db_commands_total` counts database round trips, so `npm run bench` can divide them by reports).
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly dbCommands: Counter<'command'>;
  readonly eventsConsumed: Counter<'topic'>;
  readonly eventsProduced: Counter<'topic'>;
  readonly eventsDeadLettered: Counter<'topic'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'gec_' });
    this.dbCommands = new Counter({ name: 'gec_db_commands_total', help: 'Database commands sent (each one round trip)', labelNames: ['command'], registers: [this.registry] });
    this.eventsConsumed = new Counter({ name: 'gec_events_consumed_total', help: 'Events handled by this service', labelNames: ['topic'], registers: [this.registry] });
    this.eventsProduced = new Counter({ name: 'gec_events_produced_total', help: 'Events published by this service', labelNames: ['topic'], registers: [this.registry] });
    this.eventsDeadLettered = new Counter({ name: 'gec_events_dead_lettered_total', help: 'Events moved to a dead-letter topic', labelNames: ['topic'], registers: [this.registry] });
  }
}
