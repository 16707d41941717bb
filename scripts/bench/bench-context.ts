// What every bench section receives and returns. A section is `(ctx: BenchContext) => Promise<BenchSection>`;
// run-bench.ts runs them in order against one running platform, prints their rows and writes their json.
import type { Kafka } from 'kafkajs';
import type { TopicNames } from '@gec/platform';
import type { IsolatedRun, LocalAuthority, ServiceName } from '@gec/testing';
import type { DecisionWatcher } from './decision-watcher';
import type { EnterpriseFactory } from './bench-enterprises';

export interface BenchContext {
  /** The run's own topic prefix, database names and identity provider. */
  run: IsolatedRun;
  /** Base URL of each service process (intake, metrics, rating, finance). */
  urls: Record<ServiceName, string>;
  /** Mints tokens the services trust (`authority.headers({ role: 'admin' })`). */
  authority: LocalAuthority;
  /** A kafkajs client for the bench's own producers, consumers and admin (from `createKafkaClient`). */
  kafka: Kafka;
  /** Logical -> physical topic names under the run's prefix. */
  topics: TopicNames;
  /** Connection settings of the infrastructure the platform runs on (for sections that seed databases directly). */
  infra: { kafkaBrokers: string; mongoUrl: string; redisUrl: string };
  /** When each enterprise's first `finance.eligibility-changed.v1` event reached the bench. */
  decisions: DecisionWatcher;
  /** Hands out fresh enterprise codes for this run, spread over the bench's industry divisions. */
  enterprises: EnterpriseFactory;
  /** Progress messages (stderr; stdout carries the result table). */
  log(message: string): void;
}

export type BenchRow = Record<string, string | number>;

export interface BenchSection<Json = unknown> {
  title: string;
  /** Printed as one table: columns are the union of the rows' keys, in first-seen order. */
  rows: BenchRow[];
  /** Everything measured, written to the run's JSON file. */
  json: Json;
}

export type BenchSectionFn<Json = unknown> = (ctx: BenchContext) => Promise<BenchSection<Json>>;
