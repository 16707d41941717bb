import { Module } from '@nestjs/common';
import { ServiceRuntime } from '@gec/platform';
import { BanksModule } from '../banks/banks.module';
import { ProvidersModule } from '../providers/providers.module';
import { FinanceConfig } from '../finance.config';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ProviderApiKeysController } from './api-keys/provider-api-keys.controller';
import { ApiKeysRepository } from './api-keys/api-keys.repository';
import { CreateApiKeyUseCase } from './api-keys/create-api-key/create-api-key.use-case';
import { ListApiKeysUseCase } from './api-keys/list-api-keys/list-api-keys.use-case';
import { RevokeApiKeyUseCase } from './api-keys/revoke-api-key/revoke-api-key.use-case';
import { AuthTokenController } from './issue-token/auth-token.controller';
import { IssueTokenUseCase } from './issue-token/issue-token.use-case';
import { JwksController } from './jwks/jwks.controller';
import { PlatformSigningKey } from './platform-key/platform-signing-key';

/** Banks' and data providers' machine clients: their API keys, the exchange of a key for a platform-signed token, and its public key. */
@Module({
  imports: [BanksModule, ProvidersModule],
  controllers: [ApiKeysController, ProviderApiKeysController, AuthTokenController, JwksController],
  providers: [
    ApiKeysRepository,
    CreateApiKeyUseCase,
    ListApiKeysUseCase,
    RevokeApiKeyUseCase,
    IssueTokenUseCase,
    {
      provide: PlatformSigningKey,
      inject: [ServiceRuntime],
      useFactory: async (runtime: ServiceRuntime<FinanceConfig>) => {
        const key = await PlatformSigningKey.load(runtime.config.AUTH_PLATFORM_SIGNING_KEY_FILE, runtime.config.AUTH_PLATFORM_PREVIOUS_SIGNING_KEY_FILE);
        if (key.kid) runtime.logger.info({ kid: key.kid, previousKid: key.previousKid }, 'platform signing key loaded');
        else runtime.logger.warn('AUTH_PLATFORM_SIGNING_KEY_FILE is not set: API keys cannot be exchanged for tokens (503)');
        return key;
      },
    },
  ],
})
export class AuthTokensModule {}
