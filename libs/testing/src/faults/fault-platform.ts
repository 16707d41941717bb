import path from 'node:path';
import { TOPICS } from '@gec/contracts';
import { GREEN_LOAN_DEFAULT_RULE } from '@gec/domain';
import { TopicNames } from '@gec/platform';
import { IsolatedRun } from '../isolated-run';
import { createPlatformTopics } from '../platform-topics';
import { PlatformProcesses, ServiceName, startPlatformProcesses } from '../platform-processes';
import { waitFor } from '../wait-for';
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
  /** Everything lost or wrong, from the served state, intake's reports and the published decisions. */
  lost: Finding[];
  wrong: Finding[];
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
   * with the enterprises' own tokens, which are not access-logged), holding for `quietMs`. Does not throw: the final
   * check says what is lost or wrong.
   */
  async settle({ timeoutMs = 120000, quietMs = 3000 } = {}): Promise<SettleResult> {
    const started = Date.now();
    const expected = await this.expected();
    let lastState = 'not looked at yet';
    let holdingSince: number | undefined;
    const settled = await waitFor(
      'the platform to settle',
      async () => {
        const lag = await consumerLag(this.run.topicPrefix);
        if (lag.total > 0) {
          holdingSince = undefined;
          lastState = `consumer lag ${lag.total} (${JSON.stringify(lag.byGroup)})`;
          return false;
        }
        const verdict = compareState(expected, await observePlatform(expected, { urls: this.processes.urls, headers: (uscc) => this.client.headers(uscc) }));
        if (verdict.lost.length + verdict.wrong.length > 0) {
          holdingSince = undefined;
          const first = [...verdict.lost, ...verdict.wrong][0];
          lastState = `${verdict.lost.length} lost, ${verdict.wrong.length} wrong (e.g. ${first.kind} ${first.subject} ${first.key}: ${first.detail})`;
          return false;
        }
        holdingSince ??= Date.now();
        lastState = 'settled';
        return Date.now() - holdingSince >= quietMs;
      },
      { timeoutMs, intervalMs: 1000 },
    ).catch((error: Error) => {
      lastState = `${lastState} (${error.message.split('\n')[0]})`;
      return false;
    });
    return { settled, tookMs: Date.now() - started, lastState };
  }

  /**
   * The oracle's final word, read with an administrator's token: indicators, benchmarks, ratings and decisions against
   * the expectation; intake's reports against what was acknowledged; and every published decision on
   * finance.eligibility-changed.v1 from the beginning.
   */
  async verify(): Promise<FaultVerdict> {
    const expected = await this.expected();
    // Before the administrator's reads, whose access records are events of their own.
    const lag = await consumerLag(this.run.topicPrefix);
    const admin = await this.adminHeaders();
    const options = { urls: this.processes.urls, headers: async () => admin };
    const observed = await observePlatform(expected, options);
    const verdict = compareState(expected, observed);
    const reports = await checkIntakeReports(this.client.sentReports(), options);
    const decisions = checkDecisionEvents(await this.decisionEvents(), expected.eligibility);
    const wrong = [...verdict.wrong, ...reports.filter((f) => f.kind === 'wrong'), ...decisions.duplicates, ...decisions.brokenChains];
    const lost = [...verdict.lost, ...reports.filter((f) => f.kind === 'lost'), ...decisions.unpublished];
    return { observed, verdict, reports, decisions, lag, lost, wrong };
  }

  async decisionEvents(): Promise<DecisionEvent[]> {
    const topic = new TopicNames(this.run.topicPrefix).physical(TOPICS.eligibilityChanged.name);
    return (await readTopicToEnd(topic)).map(({ message }) => {
      const envelope = JSON.parse(message.value!.toString()) as { eventId: string; payload: Omit<DecisionEvent, 'eventId'> };
      return { eventId: envelope.eventId, ...envelope.payload };
    });
  }
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
    `  lag ${result.lag.total}; dead-lettered: ${JSON.stringify(result.lag.deadLettered)}`,
    ...findings.slice(0, 25).map((f) => `  ${f.kind} ${f.subject} ${f.key}: ${f.detail}`),
    ...(findings.length > 25 ? [`  ... and ${findings.length - 25} more`] : []),
  ].join('\n');
}
