import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ZodPipe } from '@gec/platform';
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
  @ApiOperation({ summary: "An enterprise's carbon-efficiency rating for a period (its latest rated period by default), with its explanation" })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code' })
  @ApiQuery({ name: 'period', required: false, description: 'YYYY-MM' })
  @ApiProblems(400, 404)
  get(@Param(new ZodPipe(ratingParamsSchema)) params: RatingParams, @Query(new ZodPipe(getRatingQuerySchema)) query: GetRatingQuery) {
    return this.getRating.execute(params.uscc, query.period);
  }

  @Get(':uscc/history')
  @ApiOperation({ summary: "Every change of an enterprise's rating, across periods, newest first" })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code' })
  @ApiProblems(400, 404)
  history(@Param(new ZodPipe(ratingParamsSchema)) params: RatingParams) {
    return this.getRatingHistory.execute(params.uscc);
  }
}
