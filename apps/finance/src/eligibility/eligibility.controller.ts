import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, ZodPipe } from '@gec/platform';
import { DEFAULT_PRODUCT_ID } from '../products/product';
import { EligibilityParams, eligibilityParamsSchema, EligibilityQuery, eligibilityQuerySchema } from './get-eligibility/get-eligibility.dto';
import { GetEligibilityUseCase } from './get-eligibility/get-eligibility.use-case';

@ApiTags('eligibility')
@Controller('v1/eligibility')
export class EligibilityController {
  constructor(private readonly getEligibility: GetEligibilityUseCase) {}

  @Get(':uscc')
  @Allow('enterprise', 'bank', 'regulator', 'admin')
  @ApiOperation({
    summary:
      "An enterprise's current eligibility for a product, with the reasons and the rating it rests on (the enterprise itself, a bank it consented to, a regulator of its region, an administrator)",
  })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code' })
  @ApiQuery({ name: 'product', required: false, schema: { type: 'string', default: DEFAULT_PRODUCT_ID } })
  @ApiProblems(400, 404)
  get(
    @CurrentCaller() caller: Caller,
    @Param(new ZodPipe(eligibilityParamsSchema)) params: EligibilityParams,
    @Query(new ZodPipe(eligibilityQuerySchema)) query: EligibilityQuery,
  ) {
    return this.getEligibility.execute(caller, params.uscc, query.product);
  }
}
