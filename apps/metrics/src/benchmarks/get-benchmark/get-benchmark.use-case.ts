import { Injectable } from '@nestjs/common';
import { BenchmarkKey } from '@gec/domain';
import { DomainError } from '@gec/platform';
import { BenchmarksRepository } from '../benchmarks.repository';

@Injectable()
export class GetBenchmarkUseCase {
  constructor(private readonly benchmarks: BenchmarksRepository) {}

  /** The industry's figures only: the member list would reveal each enterprise's own CO2 and value added. */
  async execute(key: BenchmarkKey) {
    const found = await this.benchmarks.find(key);
    if (!found) throw DomainError.notFound(`No benchmark for industry division ${key.industryDivision} in ${key.period}.`);
    return {
      industryDivision: found.industryDivision,
      period: found.period,
      version: found.version,
      enterpriseCount: found.enterpriseCount,
      totalCo2Tonnes: found.totalCo2Tonnes,
      totalValueAdded: found.totalValueAdded,
      carbonIntensity: found.carbonIntensity,
      updatedAt: found.updatedAt,
    };
  }
}
