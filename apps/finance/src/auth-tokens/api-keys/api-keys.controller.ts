import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, IdempotencyKeyRefused } from '@gec/platform';
import { BankIdParamPipe } from '../../banks/bank-id-param.pipe';
import { CreateApiKeyUseCase } from './create-api-key/create-api-key.use-case';
import { ListApiKeysUseCase } from './list-api-keys/list-api-keys.use-case';
import { RevokeApiKeyUseCase } from './revoke-api-key/revoke-api-key.use-case';

@ApiTags('api-keys')
@Controller('v1/banks/:bankId/api-keys')
@ApiParam({ name: 'bankId', description: 'The bank whose machine client uses the key' })
export class ApiKeysController {
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
      'Issue an API key for a bank\'s machine client (administrators only). The answer holds the full key `gec_<keyId>_<secret>` once; only its hash is kept. To rotate: create a new key, switch the client to it, then revoke the old one.',
  })
  @ApiProblems(400, 404)
  create(@Param('bankId', BankIdParamPipe) bankId: string) {
    return this.createApiKey.execute({ kind: 'bank', id: bankId });
  }

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: "A bank's API keys, with when each was created, last used and revoked, never their secrets (administrators only)" })
  @ApiProblems(400, 404)
  list(@Param('bankId', BankIdParamPipe) bankId: string) {
    return this.listApiKeys.execute({ kind: 'bank', id: bankId });
  }

  @Delete(':keyId')
  @Allow('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key: it gets no new token, and every service refuses the tokens already issued for it within seconds. The last step of a rotation (administrators only)' })
  @ApiProblems(400, 404, 503)
  async revoke(@Param('bankId', BankIdParamPipe) bankId: string, @Param('keyId') keyId: string): Promise<void> {
    await this.revokeApiKey.execute({ kind: 'bank', id: bankId }, keyId);
  }
}
