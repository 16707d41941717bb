import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ServiceRuntime } from '@gec/platform';
import { FinanceConfig } from '../../finance.config';
import { SeedBanksUseCase } from './seed-banks.use-case';

/** Seeds the configured banks at start (the platform module, being global, opens the database first). */
@Injectable()
export class BanksSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly runtime: ServiceRuntime<FinanceConfig>,
    private readonly seedBanks: SeedBanksUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seedBanks.execute(this.runtime.config.FINANCE_BANKS);
    this.runtime.logger.info({ banks: this.runtime.config.FINANCE_BANKS.map((b) => b.id) }, 'banks seeded');
  }
}
