import { Injectable } from '@nestjs/common';
import { BenchmarkKey, BenchmarkViewer, benchmarkView } from '@gec/domain';
import { Caller, DomainError, ServiceRuntime } from '@gec/platform';
import { MetricsConfig } from '../../metrics.config';
import { BenchmarksRepository } from '../benchmarks.repository';

@Injectable()
export class GetBenchmarkUseCase {
  constructor(
    private readonly benchmarks: BenchmarksRepository,
    private readonly runtime: ServiceRuntime<MetricsConfig>,
  ) {}

  /**
   * The industry's figures only, never a member's; below the minimum cohort, not even those, except to an
   * administrator or a regulator whose region holds every member. A regulator also gets its own region's share.
   */
  async execute(caller: Caller, key: BenchmarkKey) {
    const found = await this.benchmarks.find(key);
    if (!found) throw DomainError.notFound(`No benchmark for industry division ${key.industryDivision} in ${key.period}.`);
    const view = benchmarkView(found, viewerOf(caller), this.runtime.config.DISCLOSURE_MIN_COHORT);
    return {
      industryDivision: found.industryDivision,
      period: found.period,
      version: found.version,
      enterpriseCount: view.enterpriseCount,
      totalCo2Tonnes: view.figures?.totalCo2Tonnes ?? null,
      totalValueAdded: view.figures?.totalValueAdded ?? null,
      carbonIntensity: view.figures?.carbonIntensity ?? null,
      ...(view.withheld ? { withheld: view.withheld } : {}),
      ...(view.jurisdiction ? { jurisdiction: view.jurisdiction } : {}),
      updatedAt: found.updatedAt,
    };
  }
}

function viewerOf(caller: Caller): BenchmarkViewer {
  if (caller.role === 'regulator') return { role: 'regulator', region: caller.regionPrefix! };
  if (caller.role === 'admin') return { role: 'admin' };
  return { role: caller.role === 'bank' ? 'bank' : 'enterprise' };
}
