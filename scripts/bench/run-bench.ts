// npm run bench: starts the four services once on the infrastructure bench.sh started, runs each section in turn,
// prints one table to stdout (progress goes to stderr) and writes everything measured to .local/bench-results/bench-<time>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createKafkaClient, TopicNames } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, startPlatformProcesses, testInfra } from '@gec/testing';
import type { BenchContext, BenchSection } from './bench-context';
import { EnterpriseFactory } from './bench-enterprises';
import { ratios } from './bench-ratios';
import { formatSection } from './bench-table';
import { dbRoundTrips } from './db-round-trips.bench';
import { DecisionWatcher } from './decision-watcher';
import { benchPipeline, pipelineHops } from './pipeline.bench';
import { benchRawKafka } from './raw-kafka.bench';
import { benchReadPath } from './read-path.bench';
import { benchRerate } from './rerate.bench';

const ROOT = path.resolve(__dirname, '../..');
const PARTITIONS = 6;

async function main() {
  const startedAt = new Date();
  const log = (message: string) => process.stderr.write(`[bench +${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)}s] ${message}\n`);
  const run = new IsolatedRun();
  const infra = testInfra();
  const kafka = createKafkaClient({ brokers: infra.kafkaBrokers.split(','), clientId: 'bench', logger: pino({ level: 'silent' }) });
  const topics = new TopicNames(run.topicPrefix);
  await createPlatformTopics(run.topicPrefix, PARTITIONS);
  const logDir = path.join(ROOT, '.local/bench-logs', run.id);
  log(`starting the four services (logs: ${logDir})`);
  // A limit no bench reaches, so the read path measures the endpoint rather than 429s.
  const env = { LOG_LEVEL: 'warn', OUTBOX_SWEEP_MS: '5000', RATE_LIMIT_PER_MINUTE: '100000000' };
  const platform = await startPlatformProcesses({ logDir, env: (name) => run.env(name, env) });
  const decisions = new DecisionWatcher(kafka, topics, `${run.id}-bench-decisions`);
  // A section that throws is reported as failed; the others still run.
  const attempt = async <J>(title: string, section: () => Promise<BenchSection<J>>): Promise<{ section: BenchSection; json?: J }> => {
    try {
      const result = await section();
      return { section: result, json: result.json };
    } catch (error) {
      log(`${title} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return { section: { title: `${title}: FAILED`, rows: [{ error: String(error) }], json: { error: String(error) } } };
    }
  };
  let sections: BenchSection[] = [];
  try {
    await decisions.start();
    const ctx: BenchContext = { run, urls: platform.urls, authority: run.authority, kafka, topics, infra, decisions, enterprises: new EnterpriseFactory(run.authority), log };
    // The read path runs before the pipeline so it meets a quiet platform, not the backlog of a saturated step;
    // re-rating runs last because what it seeds would slow every other section down. They print in numbered order.
    const rawKafka = await attempt('1. Raw Kafka', () => benchRawKafka(ctx));
    const readPath = await attempt('4. Eligibility read path', () => benchReadPath(ctx));
    const pipeline = await attempt('2. Pipeline', () => benchPipeline(ctx));
    // ---- 5. Re-rating: scripts/bench/rerate.bench.ts (a stub until its measurement is written) ----
    const rerate = await attempt('5. Re-rating', () => benchRerate(ctx));
    const dbSection = pipeline.json ? [pipelineHops(pipeline.json), dbRoundTrips(pipeline.json)] : [];
    sections = [rawKafka.section, pipeline.section, ...dbSection, readPath.section, rerate.section, ratios(rawKafka.json, pipeline.json, readPath.json)];
  } finally {
    await decisions.stop().catch(() => undefined);
    await platform.stop();
  }

  const finishedAt = new Date();
  process.stdout.write(`\n${sections.map(formatSection).join('\n\n')}\n\n`);
  const file = path.join(ROOT, '.local/bench-results', `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const machine = { cpus: cpus().length, loadAverage: loadavg(), node: process.version };
  writeFileSync(file, `${JSON.stringify({ startedAt, finishedAt, runId: run.id, machine, sections }, null, 2)}\n`);
  process.stdout.write(`results: ${file} (${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s)\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
