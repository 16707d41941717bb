import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, UsccParamPipe, ZodPipe } from '@gec/platform';
import { AccessLogQuery, accessLogQuerySchema } from './get-access-log/get-access-log.dto';
import { GetAccessLogUseCase } from './get-access-log/get-access-log.use-case';

@ApiTags('access-log')
@Controller('v1/enterprises/:uscc/access-log')
export class AccessLogController {
  constructor(private readonly getAccessLog: GetAccessLogUseCase) {}

  @Get()
  @Allow('enterprise', 'admin')
  @ApiOperation({ summary: "Which bank, regulator or administrator read the enterprise's data in a month, newest first, a page at a time (the enterprise itself, or an administrator); records are kept ACCESS_LOG_RETENTION_DAYS (3 years by default)" })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code' })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM (UTC); the current month by default' })
  @ApiQuery({ name: 'limit', required: false, description: 'entries per page, 1 to 500 (100 by default)' })
  @ApiQuery({ name: 'after', required: false, description: "a previous page's `next`, for older entries" })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Query(new ZodPipe(accessLogQuerySchema)) query: AccessLogQuery) {
    return this.getAccessLog.execute(caller, uscc, query);
  }
}
