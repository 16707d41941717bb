import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { Bank } from '../bank';
import { BanksRepository } from '../banks.repository';
import { CreateBankDto } from './create-bank.dto';

@Injectable()
export class CreateBankUseCase {
  constructor(private readonly banks: BanksRepository) {}

  async execute(input: CreateBankDto): Promise<Bank> {
    const bank: Bank = { id: input.id, name: input.name };
    if (!(await this.banks.insert(bank))) throw DomainError.conflict(`Bank ${bank.id} already exists.`, [{ field: 'id', reason: 'is taken' }]);
    return bank;
  }
}
