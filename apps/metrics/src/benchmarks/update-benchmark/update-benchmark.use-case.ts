import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { applyBenchmarkMember, BenchmarkKey, BenchmarkMember } from '@gec/domain';
import { deterministicId, EventFactory } from '@gec/platform';
import { Benchmark } from '../benchmark';
import { BenchmarksRepository } from '../benchmarks.repository';

@Injectable()
export class UpdateBenchmarkUseCase {
  constructor(
    private readonly benchmarks: BenchmarksRepository,
    private readonly events: EventFactory,
  ) {}

  /** Puts an enterprise's latest figures into its industry's benchmark; announces the benchmark only when it changed. */
  execute(key: BenchmarkKey, member: BenchmarkMember & { uscc: string }): Promise<Benchmark | undefined> {
    return this.benchmarks.update(key, (current) => {
      const { benchmark, changed } = applyBenchmarkMember(current, key, member);
      if (!changed) return undefined;
      const updated: Benchmark = { ...benchmark, updatedAt: new Date().toISOString() };
      const { members: _members, ...figures } = updated;
      const event = this.events.create(TOPICS.benchmarkUpdated, { ...figures, changedMember: member.uscc }, {
        eventId: deterministicId('benchmark-updated', key.industryDivision, key.period, benchmark.version),
      });
      return { benchmark: updated, event };
    });
  }
}
