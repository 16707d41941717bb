import { randomInt } from 'node:crypto';
import { BenchmarkUpdated, DataAccessed, EnterpriseRegistered, EventEnvelope, SubmittedReport, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { OutboxEntry } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, RunningService, startInProcess, TestPublisher, TokenClaims, TopicReader, waitFor } from '@gec/testing';
import { createMetricsApp } from '../metrics.app';
import { readMetricsConfig } from '../metrics.config';

/** Where the harness registers enterprises (Hangzhou, Zhejiang). */
export const HARNESS_REGION = '330100';

/** The metrics service on a run's own topics and database, with a publisher upstream and readers downstream. */
export class MetricsHarness {
  readonly run = new IsolatedRun();
  readonly publisher = new TestPublisher(this.run.topicPrefix);
  service!: RunningService;
  indicatorsComputed!: TopicReader;
  benchmarkUpdated!: TopicReader;
  reportDeadLetters!: TopicReader;
  dataAccessed!: TopicReader;
  private markers = 0;

  async start(): Promise<this> {
    await createPlatformTopics(this.run.topicPrefix);
    this.service = await startInProcess(() => createMetricsApp(readMetricsConfig(this.run.env('metrics'))));
    [this.indicatorsComputed, this.benchmarkUpdated, this.reportDeadLetters, this.dataAccessed] = await Promise.all([
      new TopicReader(this.publisher.physical(TOPICS.indicatorsComputed)).start(),
      new TopicReader(this.publisher.physical(TOPICS.benchmarkUpdated)).start(),
      new TopicReader(this.publisher.deadLetter(TOPICS.reportAccepted)).start(),
      new TopicReader(this.publisher.physical(TOPICS.dataAccessed)).start(),
    ]);
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([this.indicatorsComputed?.stop(), this.benchmarkUpdated?.stop(), this.reportDeadLetters?.stop(), this.dataAccessed?.stop()]);
    await this.service?.close();
    await this.publisher.close();
  }

  url(path: string): string {
    return `${this.service.url}${path}`;
  }

  /** Authorization headers of a token from the run's identity provider. */
  as(claims: TokenClaims): Promise<Record<string, string>> {
    return this.run.authority.headers(claims);
  }

  /** The enterprise's own token. */
  asSelf(uscc: string): Promise<Record<string, string>> {
    return this.as({ role: 'enterprise', uscc });
  }

  async register(industryCode = 'C2614', uscc = newUscc()): Promise<string> {
    const payload: EnterpriseRegistered = {
      uscc,
      name: `Enterprise ${uscc}`,
      industryCode,
      industryDivision: industryCode.slice(0, 3),
      regionCode: HARNESS_REGION,
      registeredAt: new Date().toISOString(),
    };
    await this.publisher.publish(TOPICS.enterpriseRegistered, payload);
    return uscc;
  }

  async report(uscc: string, period: string, figures: Partial<SubmittedReport> = {}): Promise<OutboxEntry> {
    return this.publisher.publish(TOPICS.reportAccepted, reportPayload(uscc, period, figures));
  }

  /** The period's report withdrawn, as intake announces it (revision `revision`). */
  async withdraw(uscc: string, period: string, revision: number, reason = 'withdrawn in a test'): Promise<OutboxEntry> {
    return this.publisher.publish(TOPICS.reportAccepted, { uscc, period, revision, submittedAt: new Date().toISOString(), withdrawn: true, reason });
  }

  indicatorsEvents(uscc: string, period?: string) {
    return this.indicatorsComputed
      .json<EventEnvelope<{ uscc: string; period: string; revision: number; co2Tonnes: number }>>()
      .filter((e) => e.payload.uscc === uscc && (period === undefined || e.payload.period === period));
  }

  benchmarkEvents(industryDivision: string, period: string) {
    return this.benchmarkUpdated
      .json<EventEnvelope<BenchmarkUpdated>>()
      .filter((e) => e.payload.industryDivision === industryDivision && e.payload.period === period);
  }

  accessEvents(uscc: string) {
    return this.dataAccessed.json<EventEnvelope<DataAccessed>>().filter((e) => e.payload.uscc === uscc);
  }

  /** Events of one enterprise stay in order, so once a later report is computed every earlier one was handled. */
  async drain(uscc: string): Promise<void> {
    const n = this.markers++;
    const marker = `${1990 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    await this.report(uscc, marker);
    await waitFor(`marker report ${marker} of ${uscc}`, () => this.indicatorsEvents(uscc, marker).length > 0);
  }
}

export function newUscc(): string {
  return makeUscc(`91330100${String(randomInt(0, 1e9)).padStart(9, '0')}`);
}

export function reportPayload(uscc: string, period: string, figures: Partial<SubmittedReport> = {}): SubmittedReport {
  return {
    uscc,
    period,
    revision: 1,
    submittedAt: new Date().toISOString(),
    valueAdded: 1000,
    outputValue: 4000,
    energy: [
      { carrier: 'electricity', quantity: 1_000_000, unit: 'kWh' },
      { carrier: 'natural_gas', quantity: 20_000, unit: 'm3' },
    ],
    ownRenewableElectricityKwh: 0,
    ...figures,
  };
}
