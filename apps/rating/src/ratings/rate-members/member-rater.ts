import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { CURRENT_CARBON_EFFICIENCY_METHODOLOGY, rateCarbonEfficiency, ratingChanged } from '@gec/domain';
import { deterministicId, EventFactory, Outbox, pipelineKeys, RetryableEventError, ServiceRuntime } from '@gec/platform';
import { isWithdrawnMember, Member, RatedMember, WithdrawnMemberRecord } from '../../members/member';
import { explainRating } from '../explain-rating';
import { PeriodRating, RatingWithdrawalEntry, WithdrawnPeriod } from '../rating';
import { RatingsRepository, RatingWrite } from '../ratings.repository';

/** The benchmark a member is rated against: a version that counts the member's figures. */
export interface RatingBenchmark {
  industryDivision: string;
  period: string;
  version: number;
  carbonIntensity: number;
  /** How many enterprises the version counts: below the minimum cohort its intensity is not shown with the rating. */
  enterpriseCount: number;
}

export interface RatingOutcome {
  changed: number;
  refreshed: number;
  unchanged: number;
  /** Counted only in a newer benchmark version, already rated against a newer one, or not ratable. */
  skipped: number;
}

const MAX_ATTEMPTS = 5;
const methodology = CURRENT_CARBON_EFFICIENCY_METHODOLOGY;

/**
 * Rates members against benchmark versions that count them, in bulk: one read of their ratings (and of the outbox
 * batches they name, if any), one insert of the events' batch, one write, one send, one delete of the batch.
 * A rating only ever moves forward in benchmark version; grade, level or methodology changes are announced
 * (rating-changed), K alone is refreshed silently. A withdrawn member's rating for the period is withdrawn (announced
 * on rating-changed too, with the rating it had); it is rated again once a benchmark counts a newer revision of it.
 * Used by the benchmark consumer and by industry re-ratings alike.
 */
@Injectable()
export class MemberRater {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
    private readonly runtime: ServiceRuntime,
  ) {}

  async rate(items: Array<{ benchmark: RatingBenchmark; member: Member }>, causedBy?: { eventId: string; correlationId: string }): Promise<RatingOutcome> {
    const { outcome, published } = await this.rateAndSend(items, causedBy);
    await published;
    return outcome;
  }

  /**
   * Rates and writes, and starts sending: resolves once the ratings are written, with `published` settling once the
   * events are sent. A job can rate its next chunk meanwhile, as long as it keeps its cursor behind what was sent.
   */
  async rateAndSend(items: Array<{ benchmark: RatingBenchmark; member: Member }>, causedBy?: { eventId: string; correlationId: string }): Promise<{ outcome: RatingOutcome; published: Promise<void> }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const snapshots = await this.ratings.findSnapshots(pipelineKeys([...new Set(items.map((i) => i.member.uscc))]));
      const pending = this.ratings.pending(snapshots.values());
      const loaded = await this.outbox.loadBatches(pending);
      const outcome: RatingOutcome = { changed: 0, refreshed: 0, unchanged: 0, skipped: 0 };
      const writes = new Map<string, RatingWrite>();
      for (const { benchmark, member } of items) {
        const snapshot = snapshots.get(member.uscc)!;
        const write = writes.get(member.uscc);
        const inWrite = write && (write.periods[benchmark.period] ?? write.withdrawals[benchmark.period]);
        const stored = inWrite ? (write.periods[benchmark.period] ?? null) : (snapshot.periods[benchmark.period] ?? null);
        const withdrawal = inWrite ? (write.withdrawals[benchmark.period] ?? null) : (snapshot.withdrawn[benchmark.period] ?? null);
        const entry = () => write ?? { snapshot, regionCode: member.regionCode, periods: {}, withdrawals: {}, changes: [] };
        if (isWithdrawnMember(member)) {
          const withdrawn = this.withdraw(benchmark, member, stored);
          if (!withdrawn) {
            outcome.skipped++;
            continue;
          }
          const w = entry();
          delete w.periods[benchmark.period];
          w.withdrawals[benchmark.period] = withdrawn;
          w.changes.push(this.withdrawalChange(member, withdrawn, stored!, causedBy));
          writes.set(member.uscc, w);
          outcome.changed++;
          continue;
        }
        const next = this.next(benchmark, member, stored, withdrawal);
        if (!next) {
          outcome.skipped++;
          continue;
        }
        const changed = ratingChanged(stored ?? undefined, next);
        if (!changed && stored && sameFigures(stored, next) && snapshot.regionCode === member.regionCode) {
          outcome.unchanged++;
          continue;
        }
        const w = entry();
        w.periods[benchmark.period] = next;
        delete w.withdrawals[benchmark.period];
        if (changed) w.changes.push(this.change(member, next, stored, causedBy));
        writes.set(member.uscc, w);
        outcome[changed ? 'changed' : 'refreshed']++;
      }
      // The events go in one batch document first; each rating names it in the same write (see Outbox.stage).
      const staged = await this.outbox.stage(this.ratings.documentEvents([...writes.values()]));
      if (!(await this.ratings.writeMany([...writes.values()], { staged, loaded }))) continue;
      const published = this.outbox.publish(pending, { staged, loaded });
      // Handled by whoever awaits it; until then a failure must not count as unhandled.
      published.catch(() => undefined);
      return { outcome, published };
    }
    throw new RetryableEventError('ratings kept being written concurrently; trying again later');
  }

  /** A withdrawal of the period's rating, if there is one to withdraw and no newer benchmark rated the member since. */
  private withdraw(benchmark: RatingBenchmark, member: WithdrawnMemberRecord, stored: PeriodRating | null): WithdrawnPeriod | null {
    if (member.benchmarkVersion > benchmark.version || !stored) return null;
    if (stored.benchmarkVersion > member.benchmarkVersion || stored.indicatorsRevision >= member.revision) return null;
    return { benchmarkVersion: member.benchmarkVersion, indicatorsRevision: member.revision, withdrawnAt: new Date().toISOString() };
  }

  private next(benchmark: RatingBenchmark, member: RatedMember, stored: PeriodRating | null, withdrawal: WithdrawnPeriod | null): PeriodRating | null {
    if (member.benchmarkVersion > benchmark.version) return null;
    // Withdrawn at a later revision or benchmark version than these figures: they no longer count.
    if (withdrawal && (withdrawal.indicatorsRevision > member.revision || withdrawal.benchmarkVersion > benchmark.version)) return null;
    if (stored && (stored.benchmarkVersion > benchmark.version || (stored.benchmarkVersion === benchmark.version && stored.indicatorsRevision > member.revision))) return null;
    try {
      const rated = rateCarbonEfficiency({ carbonIntensity: member.carbonIntensity, industryCarbonIntensity: benchmark.carbonIntensity }, methodology);
      return { ...rated, benchmarkVersion: benchmark.version, benchmarkEnterpriseCount: benchmark.enterpriseCount, indicatorsRevision: member.revision, ratedAt: new Date().toISOString(), explanation: explainRating(rated, methodology) };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      this.runtime.logger.warn({ uscc: member.uscc, period: benchmark.period, benchmarkVersion: benchmark.version, reason: error.message }, 'not ratable');
      return null;
    }
  }

  private withdrawalChange(member: WithdrawnMemberRecord, withdrawn: WithdrawnPeriod, before: PeriodRating, causedBy?: { eventId: string; correlationId: string }) {
    const previous = { level: before.level, grade: before.grade, methodologyVersion: before.methodology.version };
    const entry: RatingWithdrawalEntry = { period: member.period, withdrawn: true, ratedAt: withdrawn.withdrawnAt, previous };
    const eventId = deterministicId('rating-withdrawn', member.uscc, member.period, withdrawn.benchmarkVersion, withdrawn.indicatorsRevision);
    return {
      entry,
      event: this.events.create(
        TOPICS.ratingChanged,
        {
          uscc: member.uscc,
          period: member.period,
          regionCode: member.regionCode,
          withdrawn: true,
          benchmarkVersion: withdrawn.benchmarkVersion,
          indicatorsRevision: withdrawn.indicatorsRevision,
          ratedAt: withdrawn.withdrawnAt,
          previous,
        },
        { eventId, ...(causedBy ? { causedBy } : {}) },
      ),
    };
  }

  private change(member: RatedMember, next: PeriodRating, before: PeriodRating | null, causedBy?: { eventId: string; correlationId: string }) {
    const previous = before && { level: before.level, grade: before.grade, methodologyVersion: before.methodology.version };
    const { methodology: ref, level, grade, k, ratedAt, explanation: _explanation, benchmarkEnterpriseCount, ...figures } = next;
    const eventId = deterministicId('rating-changed', member.uscc, member.period, next.benchmarkVersion, next.indicatorsRevision, ref.version);
    return {
      entry: { period: member.period, level, grade, methodology: ref, k, benchmarkEnterpriseCount, ratedAt, previous },
      event: this.events.create(
        TOPICS.ratingChanged,
        { uscc: member.uscc, period: member.period, regionCode: member.regionCode, methodology: ref, level, grade, k, ratedAt, ...figures, previous },
        { eventId, ...(causedBy ? { causedBy } : {}) },
      ),
    };
  }
}

function sameFigures(a: PeriodRating, b: PeriodRating): boolean {
  return a.k === b.k && a.carbonIntensity === b.carbonIntensity && a.industryCarbonIntensity === b.industryCarbonIntensity && a.benchmarkVersion === b.benchmarkVersion && a.indicatorsRevision === b.indicatorsRevision;
}

