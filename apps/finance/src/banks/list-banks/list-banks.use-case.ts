import { Injectable } from '@nestjs/common';
import { Bank } from '../bank';
import { BanksRepository } from '../banks.repository';

@Injectable()
export class ListBanksUseCase {
  constructor(private readonly banks: BanksRepository) {}

  execute(): Promise<Bank[]> {
    return this.banks.list();
  }
}
