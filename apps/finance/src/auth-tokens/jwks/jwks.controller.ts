import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@gec/platform';
import { PlatformSigningKey } from '../platform-key/platform-signing-key';

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly signingKey: PlatformSigningKey) {}

  @Get('jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: "The public keys of the platform's token signer (the current one, and during a rotation the previous one), for AUTH_PLATFORM_JWKS_URL (anyone; no token)" })
  @ApiProblems(503)
  jwks() {
    return this.signingKey.publicJwks();
  }
}
