import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@gec/platform';
import { BenchmarksConsumer } from './benchmarks/benchmarks.consumer';
import { BenchmarksRepository } from './benchmarks/benchmarks.repository';
import { RecordBenchmarkUseCase } from './benchmarks/record-benchmark/record-benchmark.use-case';
import { CohortsRepository } from './cohorts/cohorts.repository';
import { ConsentsConsumer } from './consents/consents.consumer';
import { ConsentsRepository } from './consents/consents.repository';
import { RecordConsentUseCase } from './consents/record-consent/record-consent.use-case';
import { IndicatorsConsumer } from './indicators/indicators.consumer';
import { IndicatorsRepository } from './indicators/indicators.repository';
import { RecordIndicatorsUseCase } from './indicators/record-indicators/record-indicators.use-case';
import { GetRatingUseCase } from './ratings/get-rating/get-rating.use-case';
import { GetRatingHistoryUseCase } from './ratings/get-rating-history/get-rating-history.use-case';
import { RateEnterpriseUseCase } from './ratings/rate-enterprise/rate-enterprise.use-case';
import { RatingAccess } from './ratings/rating-access';
import { RatingProcessor } from './ratings/rating.processor';
import { RatingQueue } from './ratings/rating.queue';
import { RatingsController } from './ratings/ratings.controller';
import { RatingsRepository } from './ratings/ratings.repository';
import { RerateIndustryUseCase } from './ratings/rerate-industry/rerate-industry.use-case';

@Module({})
export class RatingModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: RatingModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [RatingsController, IndicatorsConsumer, BenchmarksConsumer, ConsentsConsumer],
      providers: [
        IndicatorsRepository,
        CohortsRepository,
        BenchmarksRepository,
        ConsentsRepository,
        RatingsRepository,
        RatingQueue,
        RecordIndicatorsUseCase,
        RecordBenchmarkUseCase,
        RecordConsentUseCase,
        RateEnterpriseUseCase,
        RerateIndustryUseCase,
        RatingAccess,
        GetRatingUseCase,
        GetRatingHistoryUseCase,
        RatingProcessor,
      ],
    };
  }
}
