import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, ZodPipe } from '@gec/platform';
import { GetRatingQuery, getRatingQuerySchema, RatingParams, ratingParamsSchema } from './ratings.dto';
import { GetRatingUseCase } from './get-rating/get-rating.use-case';
import { GetRatingHistoryUseCase } from './get-rating-history/get-rating-history.use-case';

@ApiTags('ratings')
@Controller('v1/ratings')
export class RatingsController {
  constructor(
    private readonly getRating: GetRatingUseCase,
    private readonly getRatingHistory: GetRatingHistoryUseCase,
  ) {}

  @Get(':uscc')
  @Allow('enterprise', 'bank', 'regulator', 'admin')
  @ApiOperation({
    summary:
      "An enterprise's carbon-efficiency rating for a period (its latest rated period by default), with its explanation (the enterprise itself, a bank it consented to for its rating, a regulator of its region, an administrator)",
  })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code' })
  @ApiQuery({ name: 'period', required: false, description: 'YYYY-MM' })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param(new ZodPipe(ratingParamsSchema)) params: RatingParams, @Query(new ZodPipe(getRatingQuerySchema)) query: GetRatingQuery) {
    return this.getRating.execute(caller, params.uscc, query.period);
  }

  @Get(':uscc/history')
  @Allow('enterprise', 'bank', 'regulator', 'admin')
  @ApiOperation({
    summary:
      "Every change of an enterprise's rating, across periods, newest first (the enterprise itself, a bank it consented to for its rating, a regulator of its region, an administrator)",
  })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code' })
  @ApiProblems(400, 404)
  history(@CurrentCaller() caller: Caller, @Param(new ZodPipe(ratingParamsSchema)) params: RatingParams) {
    return this.getRatingHistory.execute(caller, params.uscc);
  }
}
