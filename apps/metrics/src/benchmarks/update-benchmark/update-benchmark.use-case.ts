import { Injectable } from '@nestjs/common';
import { BenchmarkMemberFigures, IndustryMember, TOPICS, WithdrawnMember } from '@gec/contracts';
import { applyBenchmarkMembers, BenchmarkKey, BenchmarkMember, BenchmarkWithdrawal, benchmarkFigures } from '@gec/domain';
import { Consumed, deterministicId, EventFactory, offsetAfter, Outbox, pipelineKeys } from '@gec/platform';
import { BenchmarkWrite, benchmarkId, BenchmarksRepository, memberId } from '../benchmarks.repository';

/**
 * The single owner of each industry's benchmark: members' figures arrive re-keyed by industry and period, so one
 * consumer applies them in order. Each batch makes at most one new version per benchmark, announced with every member
 * it took in, so a rating of those members against that version rests on figures the benchmark really counts, and
 * with every member it no longer counts (withdrawn reports), so their ratings are withdrawn and the rest re-rated.
 */
@Injectable()
export class UpdateBenchmarkUseCase {
  constructor(
    private readonly benchmarks: BenchmarksRepository,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
  ) {}

  async execute(events: Consumed<IndustryMember>[]): Promise<void> {
    const groups = new Map<string, { key: BenchmarkKey; events: Consumed<IndustryMember>[] }>();
    for (const event of events) {
      const key = { industryDivision: event.payload.industryDivision, period: event.payload.period };
      const id = benchmarkId(key);
      if (!groups.has(id)) groups.set(id, { key, events: [] });
      groups.get(id)!.events.push(event);
    }
    const stored = await this.benchmarks.findMany([...groups.values()].map((g) => g.key));
    // Events the stored version already took in (a batch redelivered after a crash) only repair their member figures.
    const toApply = [...groups].map(([id, g]) => {
      const at = stored.get(id)?.position;
      return { ...g, fresh: g.events.filter((e) => !at || at.partition !== e.position.partition || offsetAfter(e.position.offset, at.offset)) };
    });
    // Every member the batch names, fresh or not: each one's stored figures are written over the revision read here.
    const members = await this.benchmarks.findMembers(pipelineKeys(toApply.flatMap((g) => g.events.map((e) => ({ ...g.key, uscc: e.payload.member.uscc })))));

    const writes: BenchmarkWrite[] = [];
    for (const group of toApply) {
      if (group.fresh.length === 0) continue;
      const before = stored.get(benchmarkId(group.key))?.benchmark;
      const storedMembers = new Map(group.fresh.flatMap((e) => {
        const m = members.get(memberId({ ...group.key, uscc: e.payload.member.uscc }));
        return m ? [[e.payload.member.uscc, m] as const] : [];
      }));
      const { totals, changed, removed } = applyBenchmarkMembers<BenchmarkMemberFigures, WithdrawnMember>(before, storedMembers, group.fresh.map((e) => e.payload.member));
      if (changed.length === 0 && removed.length === 0) continue;
      const last = group.fresh[group.fresh.length - 1];
      const benchmark = { ...group.key, ...totals, ...benchmarkFigures(totals), updatedAt: new Date().toISOString() };
      const { co2Milli: _c, valueAddedMilli: _v, regions: _r, ...figures } = benchmark;
      const event = this.events.create(
        TOPICS.benchmarkUpdated,
        { ...figures, ...(changed.length === 1 ? { changedMember: changed[0].uscc } : {}), changedMembers: changed, ...(removed.length > 0 ? { removedMembers: removed } : {}) },
        { eventId: deterministicId('benchmark-updated', group.key.industryDivision, group.key.period, totals.version), causedBy: last },
      );
      writes.push({ benchmark, stored: before?.version, position: last.position, event });
    }
    await this.benchmarks.saveVersions(writes);
    await this.benchmarks.saveMembers(memberWrites(toApply, members));
    await this.outbox.publish([...this.benchmarks.pending(stored), ...writes.map((w) => this.benchmarks.documentEvents(w))]);
  }
}

/**
 * The members' figures to store: per member the newest the batch names (the last of one revision), where it differs
 * from what is stored and is not older, each guarded by the revision read.
 */
function memberWrites(groups: Array<{ key: BenchmarkKey; events: Consumed<IndustryMember>[] }>, stored: Map<string, BenchmarkMember>) {
  type Write = BenchmarkKey & ((BenchmarkMember & { uscc: string }) | BenchmarkWithdrawal);
  const newest = new Map<string, Write>();
  for (const g of groups) {
    for (const { payload: { member } } of g.events) {
      const id = memberId({ ...g.key, uscc: member.uscc });
      const known = newest.get(id);
      if (!known || known.revision <= member.revision) newest.set(id, { ...g.key, ...member });
    }
  }
  return [...newest].flatMap(([id, m]) => {
    const s = stored.get(id);
    if (s && (s.revision > m.revision || (s.revision === m.revision && sameFigures(s, m)))) return [];
    return [{ ...m, stored: s?.revision }];
  });
}

function sameFigures(stored: BenchmarkMember, incoming: BenchmarkMember | BenchmarkWithdrawal): boolean {
  if (stored.withdrawn || incoming.withdrawn) return !!stored.withdrawn === !!incoming.withdrawn;
  const m = incoming as BenchmarkMember;
  return stored.regionCode === m.regionCode && stored.co2Tonnes === m.co2Tonnes && stored.valueAdded === m.valueAdded;
}
