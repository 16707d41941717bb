import { Injectable } from '@nestjs/common';
import { BENCHMARK_DISCLOSURE_RULE, BenchmarkKey, totalsDisclosableToMembers } from '@gec/domain';
import { Caller, DomainError } from '@gec/platform';
import { BenchmarksRepository } from '../benchmarks.repository';

@Injectable()
export class GetBenchmarkUseCase {
  constructor(private readonly benchmarks: BenchmarksRepository) {}

  /**
   * The industry's figures only (the member list would reveal each enterprise's own CO2 and value added). Enterprises
   * get the separate totals only when enough enterprises contribute that none can work out another's.
   */
  async execute(caller: Caller, key: BenchmarkKey) {
    const found = await this.benchmarks.find(key);
    if (!found) throw DomainError.notFound(`No benchmark for industry division ${key.industryDivision} in ${key.period}.`);
    const withheld = caller.role === 'enterprise' && !totalsDisclosableToMembers(found.enterpriseCount);
    return {
      industryDivision: found.industryDivision,
      period: found.period,
      version: found.version,
      enterpriseCount: found.enterpriseCount,
      totalCo2Tonnes: withheld ? null : found.totalCo2Tonnes,
      totalValueAdded: withheld ? null : found.totalValueAdded,
      carbonIntensity: found.carbonIntensity,
      ...(withheld ? { totalsWithheld: `fewer than ${BENCHMARK_DISCLOSURE_RULE.minimumEnterprises} enterprises (${BENCHMARK_DISCLOSURE_RULE.version})` } : {}),
      updatedAt: found.updatedAt,
    };
  }
}
