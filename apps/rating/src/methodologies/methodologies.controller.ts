import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  CARBON_EFFICIENCY_METHODOLOGIES,
  CURRENT_CARBON_EFFICIENCY_VERSION,
  CURRENT_GREEN_METHODOLOGY,
  GREEN_METHODOLOGIES,
  methodologyKey,
} from '@gec/domain';
import { Allow, ApiProblems, DomainError, ZodPipe } from '@gec/platform';

const methodologyParamsSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a methodology id: lower-case letters, digits and hyphens'),
  version: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'a methodology version: letters, digits, dots and hyphens'),
});
type MethodologyParams = z.infer<typeof methodologyParamsSchema>;

/** Every methodology version the platform knows, as data: what a rating names is readable here, with its sources. */
function allVersions() {
  return [
    ...Object.values(CARBON_EFFICIENCY_METHODOLOGIES).map((m) => ({ id: m.id, version: m.version, current: m.version === CURRENT_CARBON_EFFICIENCY_VERSION, methodology: m })),
    ...Object.values(GREEN_METHODOLOGIES).map((m) => ({ id: m.id, version: m.version, current: methodologyKey(m) === methodologyKey(CURRENT_GREEN_METHODOLOGY), methodology: m })),
  ];
}

@ApiTags('methodologies')
@Controller('v1/methodologies')
export class MethodologiesController {
  @Get()
  @Allow('enterprise', 'bank', 'regulator', 'admin', 'provider')
  @ApiOperation({ summary: 'Every rating methodology version, which is current, and each one in full with its sources (any signed-in caller)' })
  list() {
    return { methodologies: allVersions().map(({ id, version, current, methodology }) => ({ id, version, current, sources: 'sources' in methodology ? methodology.sources : [methodology.source] })) };
  }

  @Get(':id/:version')
  @Allow('enterprise', 'bank', 'regulator', 'admin', 'provider')
  @ApiOperation({ summary: 'One methodology version in full: its parameters, and for each the standard or the platform choice it comes from (any signed-in caller)' })
  @ApiParam({ name: 'id', example: 'green-efficiency-code' })
  @ApiParam({ name: 'version', example: '2026.1' })
  @ApiProblems(400, 404)
  get(@Param(new ZodPipe(methodologyParamsSchema)) params: MethodologyParams) {
    const found = allVersions().find((m) => m.id === params.id && m.version === params.version);
    if (!found) throw DomainError.notFound(`No methodology ${params.id} version ${params.version}.`, [{ field: 'version', reason: 'is not a version of this methodology' }]);
    return { id: found.id, version: found.version, current: found.current, methodology: found.methodology };
  }
}
