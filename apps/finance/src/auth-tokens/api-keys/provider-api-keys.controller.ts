import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, IdempotencyKeyRefused } from '@gec/platform';
import { ProviderIdParamPipe } from '../../providers/provider-id-param.pipe';
import { CreateApiKeyUseCase } from './create-api-key/create-api-key.use-case';
import { ListApiKeysUseCase } from './list-api-keys/list-api-keys.use-case';
import { RevokeApiKeyUseCase } from './revoke-api-key/revoke-api-key.use-case';

/** A data provider's API keys: the same keys, exchange and revocation as banks' (see ApiKeysController). */
@ApiTags('api-keys')
@Controller('v1/providers/:providerId/api-keys')
@ApiParam({ name: 'providerId', description: 'The data provider whose machine client uses the key' })
export class ProviderApiKeysController {
  constructor(
    private readonly createApiKey: CreateApiKeyUseCase,
    private readonly listApiKeys: ListApiKeysUseCase,
    private readonly revokeApiKey: RevokeApiKeyUseCase,
  ) {}

  @Post()
  @Allow('admin')
  @IdempotencyKeyRefused('the answer holds the new key once and is not stored; list the keys to see whether an earlier try created one')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Issue an API key for a data provider's machine client (administrators only). The answer holds the full key `gec_<keyId>_<secret>` once; POST /v1/auth/token exchanges it for a provider token carrying the provider's region scope and figures.",
  })
  @ApiProblems(400, 404)
  create(@Param('providerId', ProviderIdParamPipe) providerId: string) {
    return this.createApiKey.execute({ kind: 'provider', id: providerId });
  }

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: "A data provider's API keys, with when each was created, last used and revoked, never their secrets (administrators only)" })
  @ApiProblems(400, 404)
  list(@Param('providerId', ProviderIdParamPipe) providerId: string) {
    return this.listApiKeys.execute({ kind: 'provider', id: providerId });
  }

  @Delete(':keyId')
  @Allow('admin')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke a data provider's API key: it gets no new token, and every service refuses the tokens already issued for it within seconds (administrators only)" })
  @ApiProblems(400, 404, 503)
  async revoke(@Param('providerId', ProviderIdParamPipe) providerId: string, @Param('keyId') keyId: string): Promise<void> {
    await this.revokeApiKey.execute({ kind: 'provider', id: providerId }, keyId);
  }
}
