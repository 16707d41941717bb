import { Injectable } from '@nestjs/common';
import { BenchmarkUpdated } from '@gec/contracts';
import { Consumed } from '@gec/platform';
import { isWithdrawnMember, Member } from '../../members/member';
import { MembersRepository } from '../../members/members.repository';
import { MemberRater, RatingBenchmark } from '../../ratings/rate-members/member-rater';
import { RatingQueue } from '../../ratings/rating.queue';
import { benchmarkId, BenchmarksRepository } from '../benchmarks.repository';

/**
 * A batch of benchmark versions: keeps each industry's newest version and the figures of the members it took in,
 * rates those members against it at once (their figures and the benchmark agree by construction), and has the
 * rest of the industry re-rated, whose K moved with the industry's intensity. Members a version no longer counts
 * (withdrawn reports) leave their cohort and have their rating for the period withdrawn.
 */
@Injectable()
export class RateOnBenchmarkUseCase {
  constructor(
    private readonly benchmarks: BenchmarksRepository,
    private readonly members: MembersRepository,
    private readonly rater: MemberRater,
    private readonly queue: RatingQueue,
  ) {}

  async execute(events: Consumed<BenchmarkUpdated>[]): Promise<void> {
    const groups = new Map<string, { latest: Consumed<BenchmarkUpdated>; members: Map<string, Member> }>();
    for (const event of events) {
      const b = event.payload;
      const group = groups.get(benchmarkId(b)) ?? { latest: event, members: new Map<string, Member>() };
      if (b.version >= group.latest.payload.version) group.latest = event;
      for (const m of [...(b.changedMembers ?? []), ...(b.removedMembers ?? [])]) {
        const known = group.members.get(m.uscc);
        if (!known || known.benchmarkVersion <= b.version) group.members.set(m.uscc, { ...m, industryDivision: b.industryDivision, period: b.period, benchmarkVersion: b.version });
      }
      groups.set(benchmarkId(b), group);
    }
    const stored = await this.benchmarks.findMany([...groups.values()].map((g) => g.latest.payload));
    const all = [...groups.values()];
    await this.members.saveMany(all.flatMap((g) => [...g.members.values()]));
    await this.benchmarks.keepNewest(all.map((g) => withoutMembers(g.latest.payload)), stored);
    // A version older than the stored one was superseded: the newer one rated (or will rate) its members.
    const current = all.filter((g) => (stored.get(benchmarkId(g.latest.payload))?.version ?? 0) <= g.latest.payload.version);
    await this.rater.rate(
      current.flatMap((g) => [...g.members.values()].map((member) => ({ benchmark: ratingBenchmark(g.latest.payload), member }))),
      current[0]?.latest,
    );
    for (const g of current) {
      const b = g.latest.payload;
      const counted = [...g.members.values()].filter((m) => !isWithdrawnMember(m)).length;
      if (b.enterpriseCount > counted) await this.queue.rerateIndustry({ industryDivision: b.industryDivision, period: b.period, benchmarkVersion: b.version });
    }
  }
}

function withoutMembers(b: BenchmarkUpdated) {
  const { changedMember: _one, changedMembers: _many, removedMembers: _removed, ...stored } = b;
  return stored;
}

function ratingBenchmark(b: BenchmarkUpdated): RatingBenchmark {
  return { industryDivision: b.industryDivision, period: b.period, version: b.version, carbonIntensity: b.carbonIntensity, enterpriseCount: b.enterpriseCount };
}
