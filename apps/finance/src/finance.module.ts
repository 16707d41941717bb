import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@gec/platform';
import { ProductsController } from './products/products.controller';
import { ProductsRepository } from './products/products.repository';
import { ListProductsUseCase } from './products/list-products/list-products.use-case';
import { SeedProductsUseCase } from './products/seed-products/seed-products.use-case';
import { ProductsSeeder } from './products/seed-products/products.seeder';
import { RatingsConsumer } from './ratings/ratings.consumer';
import { RatingsRepository } from './ratings/ratings.repository';
import { RecordRatingUseCase } from './ratings/record-rating/record-rating.use-case';
import { EligibilityController } from './eligibility/eligibility.controller';
import { EligibilityRepository } from './eligibility/eligibility.repository';
import { DecideEligibilityUseCase } from './eligibility/decide-eligibility/decide-eligibility.use-case';
import { GetEligibilityUseCase } from './eligibility/get-eligibility/get-eligibility.use-case';

@Module({})
export class FinanceModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: FinanceModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [ProductsController, EligibilityController, RatingsConsumer],
      providers: [
        ProductsRepository,
        RatingsRepository,
        EligibilityRepository,
        SeedProductsUseCase,
        ProductsSeeder,
        ListProductsUseCase,
        RecordRatingUseCase,
        DecideEligibilityUseCase,
        GetEligibilityUseCase,
      ],
    };
  }
}
