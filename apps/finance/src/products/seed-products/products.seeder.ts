import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ServiceRuntime } from '@gec/platform';
import { FinanceConfig } from '../../finance.config';
import { SeedProductsUseCase } from './seed-products.use-case';

/** Seeds the configured products at start, after the platform opened the database and before events are consumed. */
@Injectable()
export class ProductsSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly runtime: ServiceRuntime<FinanceConfig>,
    private readonly seedProducts: SeedProductsUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seedProducts.execute(this.runtime.config.FINANCE_PRODUCTS);
    this.runtime.logger.info({ products: this.runtime.config.FINANCE_PRODUCTS.map((p) => p.id) }, 'products seeded');
  }
}
