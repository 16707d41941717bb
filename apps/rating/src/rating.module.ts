import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@gec/platform';
import { BenchmarksConsumer } from './benchmarks/benchmarks.consumer';
import { BenchmarksRepository } from './benchmarks/benchmarks.repository';
import { RateOnBenchmarkUseCase } from './benchmarks/rate-on-benchmark/rate-on-benchmark.use-case';
import { ConsentsConsumer } from './consents/consents.consumer';
import { ConsentsRepository } from './consents/consents.repository';
import { RecordConsentUseCase } from './consents/record-consent/record-consent.use-case';
import { MembersRepository } from './members/members.repository';
import { GetRatingUseCase } from './ratings/get-rating/get-rating.use-case';
import { GetRatingHistoryUseCase } from './ratings/get-rating-history/get-rating-history.use-case';
import { MemberRater } from './ratings/rate-members/member-rater';
import { RatingAccess } from './ratings/rating-access';
import { RatingProcessor } from './ratings/rating.processor';
import { RatingQueue } from './ratings/rating.queue';
import { RatingsController } from './ratings/ratings.controller';
import { RatingsRepository } from './ratings/ratings.repository';
import { RerateIndustryUseCase } from './ratings/rerate-industry/rerate-industry.use-case';
import { RerateProgressRepository } from './ratings/rerate-industry/rerate-progress.repository';
import { ReratingController } from './ratings/rerate-industry/rerating.controller';
import { MethodologiesController } from './methodologies/methodologies.controller';

@Module({})
export class RatingModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: RatingModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [RatingsController, ReratingController, MethodologiesController, BenchmarksConsumer, ConsentsConsumer],
      providers: [
        MembersRepository,
        BenchmarksRepository,
        ConsentsRepository,
        RatingsRepository,
        RerateProgressRepository,
        RatingQueue,
        MemberRater,
        RateOnBenchmarkUseCase,
        RecordConsentUseCase,
        RerateIndustryUseCase,
        RatingAccess,
        GetRatingUseCase,
        GetRatingHistoryUseCase,
        RatingProcessor,
      ],
    };
  }
}
