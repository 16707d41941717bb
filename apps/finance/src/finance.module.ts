import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@gec/platform';
import { AuthTokensModule } from './auth-tokens/auth-tokens.module';
import { BanksModule } from './banks/banks.module';
import { ProductsController } from './products/products.controller';
import { ProductsRepository } from './products/products.repository';
import { ProductsReadModel } from './products/products.read-model';
import { ListProductsUseCase } from './products/list-products/list-products.use-case';
import { SaveProductUseCase } from './products/save-product/save-product.use-case';
import { SeedProductsUseCase } from './products/seed-products/seed-products.use-case';
import { ProductsSeeder } from './products/seed-products/products.seeder';
import { RatingsConsumer } from './ratings/ratings.consumer';
import { RatingsRepository } from './ratings/ratings.repository';
import { RecordRatingUseCase } from './ratings/record-rating/record-rating.use-case';
import { EligibilityController } from './eligibility/eligibility.controller';
import { EligibilityRepository } from './eligibility/eligibility.repository';
import { DecisionsReadModel } from './eligibility/decisions.read-model';
import { DecideEligibilityUseCase } from './eligibility/decide-eligibility/decide-eligibility.use-case';
import { GetEligibilityUseCase } from './eligibility/get-eligibility/get-eligibility.use-case';
import { ConsentsController } from './consents/consents.controller';
import { ConsentsRepository } from './consents/consents.repository';
import { ConsentsReadModel } from './consents/consents.read-model';
import { GrantConsentUseCase } from './consents/grant-consent/grant-consent.use-case';
import { ListConsentsUseCase } from './consents/list-consents/list-consents.use-case';
import { RevokeConsentUseCase } from './consents/revoke-consent/revoke-consent.use-case';
import { AccessLogController } from './access-log/access-log.controller';
import { AccessLogConsumer } from './access-log/access-log.consumer';
import { AccessLogRepository } from './access-log/access-log.repository';
import { GetAccessLogUseCase } from './access-log/get-access-log/get-access-log.use-case';
import { RecordAccessUseCase } from './access-log/record-access/record-access.use-case';

@Module({})
export class FinanceModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: FinanceModule,
      imports: [PlatformModule.forRoot(runtime), BanksModule, AuthTokensModule],
      controllers: [ProductsController, EligibilityController, RatingsConsumer, ConsentsController, AccessLogController, AccessLogConsumer],
      providers: [
        ProductsRepository,
        ProductsReadModel,
        RatingsRepository,
        EligibilityRepository,
        DecisionsReadModel,
        SeedProductsUseCase,
        ProductsSeeder,
        ListProductsUseCase,
        SaveProductUseCase,
        RecordRatingUseCase,
        DecideEligibilityUseCase,
        GetEligibilityUseCase,
        ConsentsRepository,
        ConsentsReadModel,
        GrantConsentUseCase,
        ListConsentsUseCase,
        RevokeConsentUseCase,
        AccessLogRepository,
        RecordAccessUseCase,
        GetAccessLogUseCase,
      ],
    };
  }
}
