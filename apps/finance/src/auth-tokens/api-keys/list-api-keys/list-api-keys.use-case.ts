import { Injectable } from '@nestjs/common';
import { BanksRepository } from '../../../banks/banks.repository';
import { ApiKey } from '../api-key';
import { ApiKeysRepository } from '../api-keys.repository';
import { requireBank } from '../known-bank';

@Injectable()
export class ListApiKeysUseCase {
  constructor(
    private readonly banks: BanksRepository,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  async execute(bankId: string): Promise<ApiKey[]> {
    await requireBank(this.banks, bankId);
    return this.apiKeys.listByBank(bankId);
  }
}
