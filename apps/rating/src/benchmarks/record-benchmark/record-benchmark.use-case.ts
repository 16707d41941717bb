import { Injectable } from '@nestjs/common';
import { BenchmarkUpdated } from '@gec/contracts';
import { RatingQueue } from '../../ratings/rating.queue';
import { BenchmarksRepository } from '../benchmarks.repository';

@Injectable()
export class RecordBenchmarkUseCase {
  constructor(
    private readonly benchmarks: BenchmarksRepository,
    private readonly queue: RatingQueue,
  ) {}

  /**
   * Keeps the newest benchmark and has the industry re-rated against it. A repeated version enqueues
   * again (so a crash between the two steps is recovered by redelivery); the job id makes that a no-op.
   */
  async execute(benchmark: BenchmarkUpdated): Promise<void> {
    const freshness = await this.benchmarks.keepNewest(benchmark);
    if (freshness === 'older') return;
    await this.queue.rerateIndustry({ industryDivision: benchmark.industryDivision, period: benchmark.period, benchmarkVersion: benchmark.version });
  }
}
