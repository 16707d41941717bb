import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, openApiSchema, ZodPipe } from '@gec/platform';
import { RegisterEnterpriseDto, registerEnterpriseSchema } from './register-enterprise/register-enterprise.dto';
import { RegisterEnterpriseUseCase } from './register-enterprise/register-enterprise.use-case';
import { GetEnterpriseUseCase } from './get-enterprise/get-enterprise.use-case';

@ApiTags('enterprises')
@Controller('v1/enterprises')
export class EnterprisesController {
  constructor(
    private readonly registerEnterprise: RegisterEnterpriseUseCase,
    private readonly getEnterprise: GetEnterpriseUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an enterprise by its unified social credit code' })
  @ApiBody({ schema: openApiSchema(registerEnterpriseSchema) })
  @ApiProblems(400, 409)
  register(@Body(new ZodPipe(registerEnterpriseSchema)) body: RegisterEnterpriseDto) {
    return this.registerEnterprise.execute(body);
  }

  @Get(':uscc')
  @ApiOperation({ summary: 'Read a registered enterprise' })
  @ApiProblems(404)
  get(@Param('uscc') uscc: string) {
    return this.getEnterprise.execute(uscc);
  }
}
