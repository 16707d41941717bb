import { Injectable } from '@nestjs/common';
import { Bank } from '../bank';
import { BanksRepository } from '../banks.repository';

@Injectable()
export class SeedBanksUseCase {
  constructor(private readonly banks: BanksRepository) {}

  /** Creates each configured bank or updates its name; banks no longer configured (or created by an administrator) stay. */
  async execute(banks: Bank[]): Promise<void> {
    for (const bank of banks) await this.banks.upsert(bank);
  }
}
