import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, ZodPipe } from '@gec/platform';
import { GetIndicatorsUseCase } from './get-indicators/get-indicators.use-case';
import { IndicatorsKey, indicatorsKeySchema } from './get-indicators/indicators-key.dto';

@ApiTags('indicators')
@Controller('v1/enterprises/:uscc/indicators')
export class IndicatorsController {
  constructor(private readonly getIndicators: GetIndicatorsUseCase) {}

  @Get(':period')
  @Allow('enterprise', 'regulator', 'admin')
  @ApiOperation({
    summary:
      "An enterprise's energy and carbon indicators for a period, from its latest report revision (the enterprise itself, a regulator of its region, an administrator; banks see ratings and eligibility only)",
  })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code (18 characters)' })
  @ApiParam({ name: 'period', description: 'YYYY-MM' })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param(new ZodPipe(indicatorsKeySchema)) key: IndicatorsKey) {
    return this.getIndicators.execute(caller, key);
  }
}
