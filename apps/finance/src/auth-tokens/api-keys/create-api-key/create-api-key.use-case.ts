import { Injectable } from '@nestjs/common';
import { BanksRepository } from '../../../banks/banks.repository';
import { ProvidersRepository } from '../../../providers/providers.repository';
import { ApiKeyOwner, CreatedApiKey } from '../api-key';
import { hashSecret, newApiKey } from '../api-key-secret';
import { ApiKeysRepository } from '../api-keys.repository';
import { requireOwner } from '../known-bank';

@Injectable()
export class CreateApiKeyUseCase {
  constructor(
    private readonly banks: BanksRepository,
    private readonly apiKeys: ApiKeysRepository,
    private readonly providers: ProvidersRepository,
  ) {}

  /** A new key for the bank's (or data provider's) machine client; the full key is in this answer only. */
  async execute(owner: ApiKeyOwner): Promise<CreatedApiKey> {
    await requireOwner(this.banks, this.providers, owner);
    const { keyId, secret, apiKey } = newApiKey();
    const createdAt = new Date();
    await this.apiKeys.insert({ keyId, owner, secretHash: hashSecret(secret), createdAt });
    return { keyId, apiKey, createdAt: createdAt.toISOString() };
  }
}
