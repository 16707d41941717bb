import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, ZodPipe } from '@gec/platform';
import { GetBenchmarkUseCase } from './get-benchmark/get-benchmark.use-case';
import { BenchmarkKeyParams, benchmarkKeySchema } from './get-benchmark/benchmark-key.dto';

@ApiTags('benchmarks')
@Controller('v1/benchmarks')
export class BenchmarksController {
  constructor(private readonly getBenchmark: GetBenchmarkUseCase) {}

  @Get(':industryDivision/:period')
  @Allow('enterprise', 'regulator', 'admin')
  @ApiOperation({
    summary:
      "An industry division's carbon benchmark for a period: total CO2 / total value added (t CO2 per 10,000 yuan); industry aggregates only, never a member's figures. Any enterprise, regulator or administrator; below the minimum cohort (DISCLOSURE_MIN_COHORT, default 3 enterprises) every figure is withheld except from an administrator or a regulator whose region holds every member. A regulator also gets `jurisdiction`: its own region's share.",
  })
  @ApiParam({ name: 'industryDivision', description: 'GB/T 4754 division, e.g. C26' })
  @ApiParam({ name: 'period', description: 'YYYY-MM' })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param(new ZodPipe(benchmarkKeySchema)) key: BenchmarkKeyParams) {
    return this.getBenchmark.execute(caller, key);
  }
}
