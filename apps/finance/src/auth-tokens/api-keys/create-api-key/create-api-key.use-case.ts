import { Injectable } from '@nestjs/common';
import { BanksRepository } from '../../../banks/banks.repository';
import { CreatedApiKey } from '../api-key';
import { hashSecret, newApiKey } from '../api-key-secret';
import { ApiKeysRepository } from '../api-keys.repository';
import { requireBank } from '../known-bank';

@Injectable()
export class CreateApiKeyUseCase {
  constructor(
    private readonly banks: BanksRepository,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  /** A new key for the bank's machine client; the full key is in this answer only. */
  async execute(bankId: string): Promise<CreatedApiKey> {
    await requireBank(this.banks, bankId);
    const { keyId, secret, apiKey } = newApiKey();
    const createdAt = new Date();
    await this.apiKeys.insert({ keyId, bankId, secretHash: hashSecret(secret), createdAt });
    return { keyId, apiKey, createdAt: createdAt.toISOString() };
  }
}
