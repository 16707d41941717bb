import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, openApiSchema, ZodPipe } from '@gec/platform';
import { SubmitReportCommand, submitReportSchema } from './submit-report/submit-report.dto';
import { SubmitReportUseCase } from './submit-report/submit-report.use-case';
import { GetReportUseCase } from './get-report/get-report.use-case';

@ApiTags('reports')
@Controller('v1/enterprises/:uscc/reports')
export class ReportsController {
  constructor(
    private readonly submitReport: SubmitReportUseCase,
    private readonly getReport: GetReportUseCase,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit (or revise) the report of a period; valueAdded and outputValue in 10,000 yuan' })
  @ApiBody({ schema: openApiSchema(submitReportSchema) })
  @ApiProblems(400, 404, 409)
  submit(@Param('uscc') uscc: string, @Body(new ZodPipe(submitReportSchema)) body: SubmitReportCommand) {
    return this.submitReport.execute(uscc, body);
  }

  @Get(':period')
  @ApiOperation({ summary: 'The latest revision of the report of a period' })
  @ApiProblems(404)
  get(@Param('uscc') uscc: string, @Param('period') period: string) {
    return this.getReport.execute(uscc, period);
  }
}
