import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { OpenApiDocument } from './openapi-document';

/**
 * The OpenAPI document: public, because it tells nothing a caller could not learn by calling (routes, shapes, who
 * may call them), machine clients and test tools read it before they hold a token, and it is static; served through
 * the access guard like every route, so within the per-address rate limit, and serialized once at start.
 */
@ApiExcludeController()
@Controller()
export class DocsController {
  constructor(private readonly document: OpenApiDocument) {}

  @Get('docs-json')
  @Public()
  @Header('content-type', 'application/json; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  docs(): string {
    return this.document.serialized();
  }
}
