import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { apiKeyTokenClaims, ApiKeyTokenClaims, DomainError, providerApiKeyTokenClaims, ServiceRuntime } from '@gec/platform';
import { FinanceConfig } from '../../finance.config';
import { ProvidersRepository } from '../../providers/providers.repository';
import { StoredApiKey } from '../api-keys/api-keys.repository';
import { parseApiKey, secretMatches } from '../api-keys/api-key-secret';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import { PlatformSigningKey } from '../platform-key/platform-signing-key';
import { PLATFORM_TOKEN_TTL_SECONDS, TokenResponse } from './token-response';

/** Any key that doesn't check out gets the same answer, so a caller learns nothing about which part was wrong. */
const INVALID_KEY = 'The API key is not valid.';

@Injectable()
export class IssueTokenUseCase {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    private readonly signingKey: PlatformSigningKey,
    private readonly runtime: ServiceRuntime<FinanceConfig>,
    private readonly providers: ProvidersRepository,
  ) {}

  /** Exchanges a bank's (or data provider's) API key for a short-lived bank (or provider) token signed by the platform. */
  async execute(presentedKey: string | undefined): Promise<TokenResponse> {
    this.signingKey.ensureAvailable();
    if (!presentedKey) throw unauthenticated('An API key is required in the x-api-key header.');
    const parts = parseApiKey(presentedKey);
    if (!parts) throw unauthenticated(INVALID_KEY);
    const stored = await this.apiKeys.findForVerification(parts.keyId);
    if (!stored || !secretMatches(parts.secret, stored.secretHash)) throw unauthenticated(INVALID_KEY);
    if (stored.revokedAt) throw unauthenticated('The API key has been revoked.');

    const now = Date.now();
    // The two shapes verifiers accept from the platform issuer: the key's bank, or its provider with the scope it is
    // registered with (read now, so a token never outlives a scope by more than its 5 minutes), nothing more.
    const token = await this.signingKey.sign(await this.claimsFor(stored, now));
    await this.apiKeys.markUsed(stored.keyId, new Date(now));
    this.runtime.logger.info({ keyId: stored.keyId, [stored.owner.kind === 'bank' ? 'bankId' : 'providerId']: stored.owner.id }, 'platform token issued for an API key');
    return { access_token: token, token_type: 'Bearer', expires_in: PLATFORM_TOKEN_TTL_SECONDS };
  }

  private async claimsFor(stored: StoredApiKey, now: number): Promise<ApiKeyTokenClaims> {
    const { config } = this.runtime;
    const common = { issuer: config.AUTH_PLATFORM_ISSUER, audience: config.AUTH_AUDIENCE, keyId: stored.keyId, jti: randomUUID(), now };
    if (stored.owner.kind === 'bank') return apiKeyTokenClaims({ ...common, bankId: stored.owner.id });
    const provider = await this.providers.find(stored.owner.id);
    if (!provider) throw unauthenticated(INVALID_KEY);
    return providerApiKeyTokenClaims({ ...common, providerId: provider.id, region: provider.regionScope, figures: provider.figures });
  }
}

function unauthenticated(message: string): DomainError {
  return new DomainError('unauthenticated', message, [], { 'www-authenticate': 'ApiKey header="x-api-key"' });
}
