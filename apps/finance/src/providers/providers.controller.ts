import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, ZodPipe } from '@gec/platform';
import { CreateProviderUseCase } from './create-provider/create-provider.use-case';
import { GetProviderUseCase } from './get-provider/get-provider.use-case';
import { ListProvidersUseCase } from './list-providers/list-providers.use-case';
import { ProviderInput, providerInputSchema } from './provider';
import { ProviderIdParamPipe } from './provider-id-param.pipe';

@ApiTags('providers')
@Controller('v1/providers')
export class ProvidersController {
  constructor(
    private readonly createProvider: CreateProviderUseCase,
    private readonly listProviders: ListProvidersUseCase,
    private readonly getProvider: GetProviderUseCase,
  ) {}

  @Post()
  @Allow('admin')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Register a data provider (a grid or gas utility, the statistics bureau, a park operator) with its region scope (GB/T 2260 prefix) and the report figures it may supply, as figure keys (energy.electricity) or groups (energy); then issue it an API key (administrators only)',
  })
  @ApiProblems(400, 409)
  create(@Body(new ZodPipe(providerInputSchema)) body: ProviderInput) {
    return this.createProvider.execute(body);
  }

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: 'The registered data providers with their scopes (administrators only)' })
  list() {
    return this.listProviders.execute();
  }

  @Get(':providerId')
  @Allow('admin')
  @ApiParam({ name: 'providerId' })
  @ApiOperation({ summary: 'One data provider with its scope (administrators only)' })
  @ApiProblems(400, 404)
  get(@Param('providerId', ProviderIdParamPipe) providerId: string) {
    return this.getProvider.execute(providerId);
  }
}
