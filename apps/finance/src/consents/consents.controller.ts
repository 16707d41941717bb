import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, UsccParamPipe, ZodPipe } from '@gec/platform';
import { BankIdParamPipe } from '../banks/bank-id-param.pipe';
import { GrantConsentCommand, grantConsentSchema } from './grant-consent/grant-consent.dto';
import { GrantConsentUseCase } from './grant-consent/grant-consent.use-case';
import { ListConsentsUseCase } from './list-consents/list-consents.use-case';
import { RevokeConsentUseCase } from './revoke-consent/revoke-consent.use-case';

@ApiTags('consents')
@ApiParam({ name: 'uscc', description: 'Unified social credit code' })
@Controller('v1/enterprises/:uscc/consents')
export class ConsentsController {
  constructor(
    private readonly grantConsent: GrantConsentUseCase,
    private readonly listConsents: ListConsentsUseCase,
    private readonly revokeConsent: RevokeConsentUseCase,
  ) {}

  @Post()
  @Allow('enterprise')
  @HttpCode(201)
  @ApiOperation({ summary: "Grant a bank access to the enterprise's rating and/or eligibility, replacing its earlier grant (the enterprise itself)" })
  @ApiProblems(400, 404)
  grant(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Body(new ZodPipe(grantConsentSchema)) body: GrantConsentCommand) {
    return this.grantConsent.execute(caller, uscc, body);
  }

  @Get()
  @Allow('enterprise', 'admin')
  @ApiOperation({ summary: "The enterprise's consents to banks, in force and revoked (the enterprise itself, or an administrator)" })
  @ApiProblems(400, 404)
  list(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string) {
    return this.listConsents.execute(caller, uscc);
  }

  @Delete(':bankId')
  @Allow('enterprise')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke a bank's consent (the enterprise itself)" })
  @ApiProblems(400, 404)
  async revoke(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Param('bankId', BankIdParamPipe) bankId: string): Promise<void> {
    await this.revokeConsent.execute(caller, uscc, bankId);
  }
}
