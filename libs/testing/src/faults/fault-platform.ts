import path from 'node:path';
import { TOPICS } from '@gec/contracts';
import { GREEN_LOAN_DEFAULT_RULE } from '@gec/domain';
import { TopicNames } from '@gec/platform';
import { IsolatedRun } from '../isolated-run';
import { createPlatformTopics } from '../platform-topics';
import { PlatformProcesses, ServiceName, startPlatformProcesses } from '../platform-processes';
import { compareState, Finding, ObservedState, Verdict } from '../oracle/compare-state';
import { checkDecisionEvents, DecisionEvent, DecisionEventsVerdict } from '../oracle/decision-events';
import { computeExpectedState, ExpectedState, OracleProduct } from '../oracle/expected-state';
import { consumerLag, ConsumerLag, readTopicToEnd } from './kafka-inspection';
import { checkIntakeReports, getJson, observePlatform } from './platform-observer';
import { RetryingClient } from './retrying-client';

const ROOT = path.resolve(__dirname, '../../../..');

/** Two products, so decisions are checked against more than one rule. */
export const FAULT_PRODUCTS: OracleProduct[] = [
  { id: 'green-loan', rule: GREEN_LOAN_DEFAULT_RULE },
  { id: 'transition-loan', rule: { conditions: [{ field: 'grade', op: 'lte', value: 4 }] } },
];

export interface FaultPlatformOptions {
  replicas?: Partial<Record<ServiceName, number>>;
  /** Partitions of every topic (6: enough for two replicas to share each topic). */
  partitions?: number;
  env?: Record<string, string>;
}

export interface SettleResult {
  settled: boolean;
  tookMs: number;
  /** Why it had not settled at the last look, when it did not. */
  lastState: string;
}

export interface FaultVerdict {
  /** What the platform served to the administrator at the final check. */
  observed: ObservedState;
  verdict: Verdict;
  reports: Finding[];
  decisions: DecisionEventsVerdict;
  lag: ConsumerLag;
  /** Messages dead-lettered since the previous verify on this platform, by topic. */
  deadLettered: Record<string, number>;
  /**
   * Everything lost or wrong, from the served state, intake's reports and the published decisions, leaving out what
   * an earlier verify on this platform already reported (so one scenario's damage does not fail the next ones).
   */
  lost: Finding[];
  wrong: Finding[];
  /** Findings left out because an earlier verify reported them. */
  inherited: number;
  /** How long each part of the check took, ms. */
  timings: Record<string, number>;
}

/**
 * One platform for fault tests: its own topics (6 partitions), databases and queues, the services as processes
 * (optionally replicated), an enterprise client that retries, and the oracle's checks. Tests reach it only through
 * its APIs, its Kafka topics and process signals.
 */
export class FaultPlatform {
  readonly run = new IsolatedRun();
  readonly client: RetryingClient;
  processes!: PlatformProcesses;
  private products?: OracleProduct[];
  private readonly reported = new Set<string>();
  private deadLetteredBefore: Record<string, number> = {};

  constructor(private readonly options: FaultPlatformOptions = {}) {
    this.client = new RetryingClient({ intakeUrl: () => this.processes.urls.intake, authority: this.run.authority });
  }

  get logDir(): string {
    return path.join(ROOT, '.local/fault-logs', this.run.id);
  }

  async start(): Promise<this> {
    await createPlatformTopics(this.run.topicPrefix, this.options.partitions ?? 6);
    this.processes = await startPlatformProcesses({
      logDir: this.logDir,
      replicas: this.options.replicas,
      env: (name) =>
        this.run.env(name, {
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
          RATE_LIMIT_PER_MINUTE: '1000000',
          RERATE_COALESCE_MS: '1000',
          FINANCE_PRODUCTS: JSON.stringify(FAULT_PRODUCTS.map((p) => ({ ...p, name: p.id }))),
          ...this.options.env,
        }),
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.processes?.stop();
  }

  adminHeaders(): Promise<Record<string, string>> {
    return this.run.authority.headers({ role: 'admin' });
  }

  /** The products and rules finance serves (an administrator's view). */
  async productRules(): Promise<OracleProduct[]> {
    this.products ??= ((await getJson<Array<OracleProduct>>(`${this.processes.urls.finance}/v1/products`, await this.adminHeaders())) ?? []).map((p) => ({ id: p.id, rule: p.rule }));
    return this.products;
  }

  async expected(): Promise<ExpectedState> {
    return computeExpectedState(this.client.inputs(await this.productRules()));
  }

  /**
   * Waits until every consumer group of the run has caught up and the platform serves what the oracle expects (read
   * with the enterprises' own tokens, which are not access-logged), holding for `quietMs`. Gives up early when nothing
   * is left to consume and the same findings persist for `stuckMs`. Does not throw: the final check says what is lost
   * or wrong. Findings an earlier verify already reported do not count.
   */
  async settle({ timeoutMs = 120000, quietMs = 3000, stuckMs = 20000, intervalMs = 1500 } = {}): Promise<SettleResult> {
    const started = Date.now();
    const expected = await this.expected();
    const look = (part: ExpectedState) => observePlatform(part, { urls: this.processes.urls, headers: (uscc) => this.client.headers(uscc), adminHeaders: () => this.adminHeaders() });
    // The decisions first (the end of the pipeline, one read per enterprise and product), everything once they hold.
    const decisionsOnly = { ...expected, indicators: [], benchmarks: [], ratings: [] };
    let lastState = 'not looked at yet';
    let holdingSince: number | undefined;
    let stuck: { since: number; findings: string } | undefined;
    for (;;) {
      try {
        const lag = await consumerLag(this.run.topicPrefix);
        if (lag.total > 0) {
          holdingSince = stuck = undefined;
          lastState = `consumer lag ${lag.total} (${JSON.stringify(lag.byGroup)})`;
        } else {
          let findings = this.fresh(compareState(decisionsOnly, await look(decisionsOnly)));
          if (findings.length === 0) findings = this.fresh(compareState(expected, await look(expected)));
          if (findings.length === 0) {
            holdingSince ??= Date.now();
            lastState = 'settled';
            if (Date.now() - holdingSince >= quietMs) return { settled: true, tookMs: Date.now() - started, lastState };
          } else {
            holdingSince = undefined;
            const first = findings[0];
            lastState = `${findings.filter((f) => f.kind === 'lost').length} lost, ${findings.filter((f) => f.kind === 'wrong').length} wrong (e.g. ${first.kind} ${first.subject} ${first.key}: ${first.detail})`;
            // Nothing left to consume and the same findings for a while: nothing will change them any more.
            const signature = findings.map((f) => `${findingKey(f)} ${f.detail}`).sort().join('\n');
            if (stuck?.findings !== signature) stuck = { since: Date.now(), findings: signature };
            else if (Date.now() - stuck.since >= stuckMs) {
              return { settled: false, tookMs: Date.now() - started, lastState: `stuck for ${stuckMs / 1000} s with nothing left to consume: ${lastState}` };
            }
          }
        }
      } catch (error) {
        // A service or the broker not answering yet.
        holdingSince = stuck = undefined;
        lastState = `not answering: ${(error as Error).message.split('\n')[0]}`;
      }
      if (Date.now() - started > timeoutMs) return { settled: false, tookMs: Date.now() - started, lastState: `${lastState} (after ${timeoutMs / 1000} s)` };
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /**
   * The oracle's final word, read with an administrator's token: indicators, benchmarks, ratings and decisions against
   * the expectation; intake's reports against what was acknowledged; and every published decision on
   * finance.eligibility-changed.v1 from the beginning. `asAdmin` can limit the administrator's reads (each one is
   * access-logged: written and published) to some enterprises; the others are read with their own tokens.
   */
  async verify({ asAdmin = () => true }: { asAdmin?: (uscc: string) => boolean } = {}): Promise<FaultVerdict> {
    const expected = await this.expected();
    // Before the administrator's reads, whose access records are events of their own.
    const lag = await consumerLag(this.run.topicPrefix);
    const admin = await this.adminHeaders();
    const options = { urls: this.processes.urls, headers: async (uscc: string) => (asAdmin(uscc) ? admin : this.client.headers(uscc)), adminHeaders: async () => admin };
    const timed = async <T>(part: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      timings[part] = Date.now() - started;
      return result;
    };
    const timings: Record<string, number> = {};
    const [observed, reports, events] = await Promise.all([
      timed('served state', () => observePlatform(expected, options)),
      timed('intake reports', () => checkIntakeReports(this.client.sentReports(), options)),
      timed('decision events', () => this.decisionEvents()),
    ]);
    const verdict = compareState(expected, observed);
    const decisions = checkDecisionEvents(events, expected.eligibility);
    const all = [...verdict.lost, ...reports, ...decisions.unpublished, ...verdict.wrong, ...decisions.duplicates, ...decisions.brokenChains];
    const fresh = all.filter((f) => !this.reported.has(findingKey(f)));
    for (const f of all) this.reported.add(findingKey(f));
    const deadLettered = Object.fromEntries(
      Object.entries(lag.deadLettered)
        .map(([topic, count]) => [topic, count - (this.deadLetteredBefore[topic] ?? 0)] as const)
        .filter(([, count]) => count > 0),
    );
    this.deadLetteredBefore = lag.deadLettered;
    return {
      observed,
      verdict,
      reports,
      decisions,
      lag,
      deadLettered,
      lost: fresh.filter((f) => f.kind === 'lost'),
      wrong: fresh.filter((f) => f.kind === 'wrong'),
      inherited: all.length - fresh.length,
      timings,
    };
  }

  /** Findings no earlier verify on this platform reported. */
  private fresh(verdict: Verdict): Finding[] {
    return [...verdict.lost, ...verdict.wrong].filter((f) => !this.reported.has(findingKey(f)));
  }

  async decisionEvents(): Promise<DecisionEvent[]> {
    const topic = new TopicNames(this.run.topicPrefix).physical(TOPICS.eligibilityChanged.name);
    return (await readTopicToEnd(topic)).map(({ message }) => {
      const envelope = JSON.parse(message.value!.toString()) as { eventId: string; payload: Omit<DecisionEvent, 'eventId'> };
      return { eventId: envelope.eventId, ...envelope.payload };
    });
  }
}

function findingKey(f: Finding): string {
  return `${f.kind} ${f.subject} ${f.key}`;
}

/** A few lines on a fault run's outcome, for the test output. */
export function describeFaultVerdict(name: string, result: FaultVerdict, extra: string[] = []): string {
  const d = result.decisions;
  const findings = [...result.lost, ...result.wrong];
  return [
    `[faults] ${name}`,
    ...extra.map((line) => `  ${line}`),
    `  oracle: ${result.verdict.checked} values checked, ${result.lost.length} lost, ${result.wrong.length} wrong`,
    `  decisions published: ${d.events} events (${d.messages} messages), ${d.duplicates.length} duplicates, ${d.brokenChains.length} out of sequence, ${d.unpublished.length} unpublished, ${d.repeatedLater} legitimately repeated transitions`,
    `  lag ${result.lag.total}; dead-lettered since the last check: ${JSON.stringify(result.deadLettered)}`,
    ...(result.inherited ? [`  (${result.inherited} findings already reported by an earlier check on this platform are not counted again)`] : []),
    ...findings.slice(0, 25).map((f) => `  ${f.kind} ${f.subject} ${f.key}: ${f.detail}`),
    ...(findings.length > 25 ? [`  ... and ${findings.length - 25} more`] : []),
  ].join('\n');
}
