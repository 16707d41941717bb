import { Controller, Header, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@gec/platform';
import { IssueTokenUseCase } from './issue-token.use-case';
import { PLATFORM_TOKEN_TTL_SECONDS } from './token-response';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthTokenController {
  constructor(private readonly issueToken: IssueTokenUseCase) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: `Exchange a bank's or data provider's API key (header x-api-key) for a bank or provider token valid ${PLATFORM_TOKEN_TTL_SECONDS} s, signed by the platform (anyone holding a valid, unrevoked key; no bearer token)`,
  })
  @ApiHeader({ name: 'x-api-key', required: true, description: 'gec_<keyId>_<secret>, as issued by POST /v1/banks/{bankId}/api-keys or POST /v1/providers/{providerId}/api-keys' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['access_token', 'token_type', 'expires_in'],
      properties: { access_token: { type: 'string' }, token_type: { type: 'string', enum: ['Bearer'] }, expires_in: { type: 'integer', example: PLATFORM_TOKEN_TTL_SECONDS } },
    },
  })
  @ApiProblems(401, 503)
  issue(@Headers('x-api-key') apiKey: string | undefined) {
    return this.issueToken.execute(apiKey);
  }
}
