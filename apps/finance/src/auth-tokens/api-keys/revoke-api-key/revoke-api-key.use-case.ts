import { Injectable } from '@nestjs/common';
import { ApiKeyRevocations, DomainError } from '@gec/platform';
import { ApiKeyOwner } from '../api-key';
import { ApiKeysRepository } from '../api-keys.repository';

@Injectable()
export class RevokeApiKeyUseCase {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    private readonly revocations: ApiKeyRevocations,
  ) {}

  /**
   * The key exchanges for no new token from now on (its record), and the tokens already issued for it are refused by
   * every service within seconds (the shared denylist). Idempotent: if Redis fails after the record was written, the
   * request fails (503) and repeating it completes the revocation.
   */
  async execute(owner: ApiKeyOwner, keyId: string): Promise<void> {
    const at = new Date();
    if (!(await this.apiKeys.revoke(owner, keyId, at))) throw DomainError.notFound(`${owner.kind === 'bank' ? 'Bank' : 'Provider'} ${owner.id} has no API key ${keyId}.`);
    try {
      await this.revocations.revoke(keyId, at);
    } catch {
      throw new DomainError('unavailable', 'The key is revoked for new tokens, but its issued tokens could not be refused yet; repeat the request.', [], { 'retry-after': '1' });
    }
  }
}
