import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, PeriodParamPipe, UsccParamPipe, ZodPipe } from '@gec/platform';
import { SubmitReportCommand, submitReportSchema } from './submit-report/submit-report.dto';
import { SubmitReportUseCase } from './submit-report/submit-report.use-case';
import { GetReportUseCase } from './get-report/get-report.use-case';
import { WithdrawReportCommand, withdrawReportSchema } from './withdraw-report/withdraw-report.dto';
import { WithdrawReportUseCase } from './withdraw-report/withdraw-report.use-case';

@ApiTags('reports')
@Controller('v1/enterprises/:uscc/reports')
export class ReportsController {
  constructor(
    private readonly submitReport: SubmitReportUseCase,
    private readonly getReport: GetReportUseCase,
    private readonly withdrawReport: WithdrawReportUseCase,
  ) {}

  @Post()
  @Allow('enterprise')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Submit (or revise) the report of a period, as the enterprise itself: valueAdded and outputValue in 10,000 yuan, energy by carrier with its unit, other figures in the unit their name ends with. A revision after the first needs a reason. Unlikely figures are accepted with warnings (in the answer, kept with the revision).',
  })
  @ApiProblems(400, 404, 409)
  submit(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Body(new ZodPipe(submitReportSchema)) body: SubmitReportCommand) {
    return this.submitReport.execute(caller, uscc, body);
  }

  @Get(':period')
  @Allow('enterprise', 'admin')
  @ApiOperation({ summary: 'The latest revision of the report of a period (the enterprise itself, or an administrator)' })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Param('period', PeriodParamPipe) period: string) {
    return this.getReport.execute(caller, uscc, period);
  }

  @Get(':period/revisions')
  @Allow('enterprise', 'admin')
  @ApiOperation({ summary: 'Every revision of the report of a period, oldest first, each with its reason and warnings (the enterprise itself, or an administrator)' })
  @ApiProblems(400, 404)
  revisions(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Param('period', PeriodParamPipe) period: string) {
    return this.getReport.history(caller, uscc, period);
  }

  @Post(':period/withdrawal')
  @Allow('enterprise', 'admin')
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Withdraw the report of a period, with a reason (the enterprise itself for its own reports, or an administrator). The withdrawal is the period's next revision: the period drops out of indicators, benchmarks and ratings downstream; submitting the period again makes it live (as a revision, with a reason). 404 when the period has no report, 409 when it is already withdrawn.",
  })
  @ApiProblems(400, 403, 404, 409)
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('uscc', UsccParamPipe) uscc: string,
    @Param('period', PeriodParamPipe) period: string,
    @Body(new ZodPipe(withdrawReportSchema)) body: WithdrawReportCommand,
  ) {
    return this.withdrawReport.execute(caller, uscc, period, body);
  }
}
