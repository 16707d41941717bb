import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@gec/platform';
import { EnterprisesConsumer } from './enterprises/enterprises.consumer';
import { EnterprisesRepository } from './enterprises/enterprises.repository';
import { RecordEnterpriseUseCase } from './enterprises/record-enterprise/record-enterprise.use-case';
import { IndicatorsController } from './indicators/indicators.controller';
import { IndicatorsRepository } from './indicators/indicators.repository';
import { ReportAcceptedConsumer } from './indicators/report-accepted.consumer';
import { ComputeIndicatorsUseCase } from './indicators/compute-indicators/compute-indicators.use-case';
import { GetIndicatorsUseCase } from './indicators/get-indicators/get-indicators.use-case';
import { BenchmarksController } from './benchmarks/benchmarks.controller';
import { IndustryMemberConsumer } from './benchmarks/industry-member.consumer';
import { BenchmarksRepository } from './benchmarks/benchmarks.repository';
import { UpdateBenchmarkUseCase } from './benchmarks/update-benchmark/update-benchmark.use-case';
import { GetBenchmarkUseCase } from './benchmarks/get-benchmark/get-benchmark.use-case';

@Module({})
export class MetricsModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: MetricsModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [EnterprisesConsumer, ReportAcceptedConsumer, IndustryMemberConsumer, IndicatorsController, BenchmarksController],
      providers: [
        EnterprisesRepository,
        IndicatorsRepository,
        BenchmarksRepository,
        RecordEnterpriseUseCase,
        ComputeIndicatorsUseCase,
        UpdateBenchmarkUseCase,
        GetIndicatorsUseCase,
        GetBenchmarkUseCase,
      ],
    };
  }
}
