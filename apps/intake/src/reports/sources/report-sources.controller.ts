import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, DomainError, PeriodParamPipe, UsccParamPipe, ZodPipe } from '@gec/platform';
import { GetReportSourcesUseCase } from './get-report-sources/get-report-sources.use-case';
import { PutProviderFiguresCommand, putProviderFiguresSchema } from './put-provider-figures/put-provider-figures.dto';
import { PutProviderFiguresUseCase } from './put-provider-figures/put-provider-figures.use-case';

const PROVIDER_ID = /^[a-z0-9-]{2,64}$/;

@ApiTags('reports')
@Controller('v1/enterprises/:uscc/reports/:period/sources')
export class ReportSourcesController {
  constructor(
    private readonly putProviderFigures: PutProviderFiguresUseCase,
    private readonly getReportSources: GetReportSourcesUseCase,
  ) {}

  @Put(':providerId')
  @Allow('provider')
  @ApiParam({ name: 'providerId', description: 'The provider of the token: a provider puts only its own figures', example: 'cq-grid' })
  @ApiOperation({
    summary:
      "A data provider's figures for an enterprise in its region scope and a period, by figure key (e.g. { \"figures\": { \"energy.electricity\": 700000 } }), each in the figure's unit (energy in its carrier's canonical unit); only the figures it is registered for (403 naming the figure otherwise). Replaces its earlier figures for the period. Where its figure wins by precedence (by default a provider's over the enterprise's own) the report gets a new revision, with the reason \"figures from provider <id>\"; a figure further than the tolerance from another source's is warned (the data provider itself, with its machine client's token)",
  })
  @ApiProblems(400, 403, 409)
  put(
    @CurrentCaller() caller: Caller,
    @Param('uscc', UsccParamPipe) uscc: string,
    @Param('period', PeriodParamPipe) period: string,
    @Param('providerId') providerId: string,
    @Body(new ZodPipe(putProviderFiguresSchema)) body: PutProviderFiguresCommand,
  ) {
    if (!PROVIDER_ID.test(providerId)) throw DomainError.validation([{ field: 'providerId', reason: 'expected 2-64 lower-case letters, digits or dashes' }]);
    return this.putProviderFigures.execute(caller, uscc, period, providerId, body);
  }

  @Get()
  @Allow('enterprise', 'regulator', 'admin', 'provider')
  @ApiOperation({
    summary:
      "Each figure of a period's report with every source's value side by side (the enterprise's own, data providers'), the one the report uses and whether they disagree beyond the tolerance (the enterprise itself, regulators of its region, administrators; a data provider sees only its own figures)",
  })
  @ApiProblems(400, 404)
  list(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Param('period', PeriodParamPipe) period: string) {
    return this.getReportSources.execute(caller, uscc, period);
  }
}
