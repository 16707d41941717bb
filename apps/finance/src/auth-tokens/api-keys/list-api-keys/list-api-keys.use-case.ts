import { Injectable } from '@nestjs/common';
import { BanksRepository } from '../../../banks/banks.repository';
import { ProvidersRepository } from '../../../providers/providers.repository';
import { ApiKey, ApiKeyOwner } from '../api-key';
import { ApiKeysRepository } from '../api-keys.repository';
import { requireOwner } from '../known-bank';

@Injectable()
export class ListApiKeysUseCase {
  constructor(
    private readonly banks: BanksRepository,
    private readonly apiKeys: ApiKeysRepository,
    private readonly providers: ProvidersRepository,
  ) {}

  async execute(owner: ApiKeyOwner): Promise<ApiKey[]> {
    await requireOwner(this.banks, this.providers, owner);
    return this.apiKeys.listByOwner(owner);
  }
}
