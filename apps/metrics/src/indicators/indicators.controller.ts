import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ZodPipe } from '@gec/platform';
import { GetIndicatorsUseCase } from './get-indicators/get-indicators.use-case';
import { IndicatorsKey, indicatorsKeySchema } from './get-indicators/indicators-key.dto';

@ApiTags('indicators')
@Controller('v1/enterprises/:uscc/indicators')
export class IndicatorsController {
  constructor(private readonly getIndicators: GetIndicatorsUseCase) {}

  @Get(':period')
  @ApiOperation({ summary: "An enterprise's energy and carbon indicators for a period, from its latest report revision" })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code (18 characters)' })
  @ApiParam({ name: 'period', description: 'YYYY-MM' })
  @ApiProblems(400, 404)
  get(@Param(new ZodPipe(indicatorsKeySchema)) key: IndicatorsKey) {
    return this.getIndicators.execute(key);
  }
}
