import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { ApiKeysRepository } from '../api-keys.repository';

@Injectable()
export class RevokeApiKeyUseCase {
  constructor(private readonly apiKeys: ApiKeysRepository) {}

  /** The key exchanges for no new token from now on; tokens already issued expire within their 5 minutes. Idempotent. */
  async execute(bankId: string, keyId: string): Promise<void> {
    if (!(await this.apiKeys.revoke(bankId, keyId, new Date()))) throw DomainError.notFound(`Bank ${bankId} has no API key ${keyId}.`);
  }
}
