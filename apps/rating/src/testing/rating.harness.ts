import { BenchmarkUpdated, ComputedIndicators as IndicatorsComputed, isRatingWithdrawn, Rated, RatingChanged, RatingWithdrawn, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, JsonResponse, request, RunningService, startInProcess, TestPublisher, TokenClaims, TopicReader } from '@gec/testing';
import { createRatingApp } from '../rating.app';
import { readRatingConfig } from '../rating.config';

/** The rating service booted in-process on a run's own topics, database and queues, with a reader of what it publishes. */
export class RatingHarness {
  readonly run = new IsolatedRun();
  readonly publisher = new TestPublisher(this.run.topicPrefix);
  service!: RunningService;
  ratingEvents!: TopicReader;
  private readonly tokens = new Map<string, Promise<Record<string, string>>>();

  async start(): Promise<this> {
    await createPlatformTopics(this.run.topicPrefix);
    this.service = await startInProcess(() => createRatingApp(readRatingConfig(this.run.env('rating'))));
    this.ratingEvents = await new TopicReader(this.publisher.physical(TOPICS.ratingChanged)).start();
    return this;
  }

  url(path: string): string {
    return `${this.service.url}${path}`;
  }

  /** Authorization headers for a caller (minted once per caller and reused). */
  as(claims: TokenClaims): Promise<Record<string, string>> {
    const key = JSON.stringify(claims);
    if (!this.tokens.has(key)) this.tokens.set(key, this.run.authority.headers(claims));
    return this.tokens.get(key)!;
  }

  /** A GET as the caller with these claims. */
  async get(path: string, claims: TokenClaims): Promise<JsonResponse> {
    return request('GET', this.url(path), undefined, await this.as(claims));
  }

  /** Rating events published for one enterprise, in order (withdrawals: see `withdrawalsOf`). */
  eventsOf(uscc: string): Rated[] {
    return this.allEventsOf(uscc).filter((p): p is Rated => !isRatingWithdrawn(p));
  }

  /** Withdrawals of one enterprise's ratings, in order. */
  withdrawalsOf(uscc: string): RatingWithdrawn[] {
    return this.allEventsOf(uscc).filter(isRatingWithdrawn);
  }

  allEventsOf(uscc: string): RatingChanged[] {
    return this.ratingEvents
      .json<{ payload: RatingChanged }>()
      .map((e) => e.payload)
      .filter((p) => p.uscc === uscc);
  }

  async close(): Promise<void> {
    await this.ratingEvents?.stop();
    await this.service?.close();
    await this.publisher.close();
  }
}

/** The enterprise itself, as a caller. */
export function own(uscc: string): TokenClaims {
  return { role: 'enterprise', uscc };
}

export function testUscc(n: number): string {
  return makeUscc(`91330100MA${String(n).padStart(7, '0')}`);
}

/** Indicators of an enterprise as metrics would publish them; L = CO2 / value added. */
export function indicatorsOf(uscc: string, industryDivision: string, period: string, co2Tonnes: number, valueAdded = 100, revision = 1): IndicatorsComputed {
  return {
    uscc,
    period,
    revision,
    industryDivision,
    regionCode: '330100',
    valueAdded,
    energyTce: co2Tonnes / 2.5,
    co2Tonnes,
    energyIntensity: co2Tonnes / 2.5 / valueAdded,
    carbonIntensity: co2Tonnes / valueAdded,
    factorTableVersion: 'test',
    gridFactorYear: 2024,
    computedAt: new Date().toISOString(),
  };
}

/**
 * A benchmark over some enterprises' indicators, weighted by value added as metrics computes it, announcing the
 * members it took in (all of them unless `changed` says which).
 */
export function benchmarkOf(industryDivision: string, period: string, version: number, members: IndicatorsComputed[], changed: IndicatorsComputed[] = members): BenchmarkUpdated {
  const totalCo2Tonnes = members.reduce((sum, m) => sum + m.co2Tonnes, 0);
  const totalValueAdded = members.reduce((sum, m) => sum + m.valueAdded, 0);
  return {
    industryDivision,
    period,
    version,
    enterpriseCount: members.length,
    totalCo2Tonnes,
    totalValueAdded,
    carbonIntensity: totalCo2Tonnes / totalValueAdded,
    updatedAt: new Date().toISOString(),
    changedMembers: changed.map(({ uscc, revision, regionCode, co2Tonnes, valueAdded, carbonIntensity }) => ({ uscc, revision, regionCode, co2Tonnes, valueAdded, carbonIntensity })),
  };
}

/** A benchmark with a given industry L, for when only the ratio matters. */
export function benchmarkWithIntensity(industryDivision: string, period: string, version: number, carbonIntensity: number, ...changed: IndicatorsComputed[]): BenchmarkUpdated {
  return {
    industryDivision,
    period,
    version,
    enterpriseCount: Math.max(2, changed.length + 1),
    totalCo2Tonnes: carbonIntensity * 100,
    totalValueAdded: 100,
    carbonIntensity,
    updatedAt: new Date().toISOString(),
    changedMembers: changed.map(({ uscc, revision, regionCode, co2Tonnes, valueAdded, carbonIntensity: l }) => ({ uscc, revision, regionCode, co2Tonnes, valueAdded, carbonIntensity: l })),
  };
}
