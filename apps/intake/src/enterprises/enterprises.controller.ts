import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, UsccParamPipe, ZodPipe } from '@gec/platform';
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
  @Allow('enterprise', 'admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an enterprise by its unified social credit code (the enterprise itself, or an administrator)' })
  @ApiProblems(400, 409)
  register(@CurrentCaller() caller: Caller, @Body(new ZodPipe(registerEnterpriseSchema)) body: RegisterEnterpriseDto) {
    return this.registerEnterprise.execute(caller, body);
  }

  @Get(':uscc')
  @Allow('enterprise', 'regulator', 'admin')
  @ApiOperation({ summary: 'Read a registered enterprise (the enterprise itself, a regulator of its region, an administrator)' })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string) {
    return this.getEnterprise.execute(caller, uscc);
  }
}
