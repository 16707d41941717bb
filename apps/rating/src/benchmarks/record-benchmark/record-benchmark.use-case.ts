import { Injectable } from '@nestjs/common';
import { BenchmarkUpdated } from '@gec/contracts';
import { RatingQueue } from '../../ratings/rating.queue';
import { RateEnterpriseUseCase } from '../../ratings/rate-enterprise/rate-enterprise.use-case';
import { BenchmarksRepository } from '../benchmarks.repository';

@Injectable()
export class RecordBenchmarkUseCase {
  constructor(
    private readonly benchmarks: BenchmarksRepository,
    private readonly queue: RatingQueue,
    private readonly rateEnterprise: RateEnterpriseUseCase,
  ) {}

  /**
   * Keeps the newest benchmark and has the industry re-rated against it. A repeated version enqueues
   * again (so a crash between the two steps is recovered by redelivery); the job id makes that a no-op.
   * The enterprise whose figures produced this version is rated at once; the rest of the industry when the
   * re-rating window closes.
   */
  async execute(benchmark: BenchmarkUpdated): Promise<void> {
    const freshness = await this.benchmarks.keepNewest(benchmark);
    if (freshness === 'older') return;
    await this.queue.rerateIndustry({ industryDivision: benchmark.industryDivision, period: benchmark.period, benchmarkVersion: benchmark.version });
    if (benchmark.changedMember) await this.rateEnterprise.execute({ uscc: benchmark.changedMember, period: benchmark.period });
  }
}
