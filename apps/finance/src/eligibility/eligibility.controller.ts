import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ZodPipe } from '@gec/platform';
import { DEFAULT_PRODUCT_ID } from '../products/product';
import { EligibilityParams, eligibilityParamsSchema, EligibilityQuery, eligibilityQuerySchema } from './get-eligibility/get-eligibility.dto';
import { GetEligibilityUseCase } from './get-eligibility/get-eligibility.use-case';

@ApiTags('eligibility')
@Controller('v1/eligibility')
export class EligibilityController {
  constructor(private readonly getEligibility: GetEligibilityUseCase) {}

  @Get(':uscc')
  @ApiOperation({ summary: "An enterprise's current eligibility for a product, with the reasons and the rating it rests on" })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code' })
  @ApiQuery({ name: 'product', required: false, schema: { type: 'string', default: DEFAULT_PRODUCT_ID } })
  @ApiProblems(400, 404)
  get(@Param(new ZodPipe(eligibilityParamsSchema)) params: EligibilityParams, @Query(new ZodPipe(eligibilityQuerySchema)) query: EligibilityQuery) {
    return this.getEligibility.execute(params.uscc, query.product);
  }
}
