import { Module } from '@nestjs/common';
import { BanksController } from './banks.controller';
import { BanksRepository } from './banks.repository';
import { CreateBankUseCase } from './create-bank/create-bank.use-case';
import { ListBanksUseCase } from './list-banks/list-banks.use-case';
import { BanksSeeder } from './seed-banks/banks.seeder';
import { SeedBanksUseCase } from './seed-banks/seed-banks.use-case';

/** The banks on the platform. Other modules import it to check a bank id with `BanksRepository.find`. */
@Module({
  controllers: [BanksController],
  providers: [BanksRepository, CreateBankUseCase, ListBanksUseCase, SeedBanksUseCase, BanksSeeder],
  exports: [BanksRepository],
})
export class BanksModule {}
