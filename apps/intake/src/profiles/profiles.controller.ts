import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, Caller, CurrentCaller, UsccParamPipe, ZodPipe } from '@gec/platform';
import { PutProfileCommand, putProfileSchema } from './put-profile/put-profile.dto';
import { PutProfileUseCase } from './put-profile/put-profile.use-case';
import { GetProfileQuery, getProfileQuerySchema } from './get-profile/get-profile.dto';
import { GetProfileUseCase } from './get-profile/get-profile.use-case';

@ApiTags('profiles')
@Controller('v1/enterprises/:uscc/profile')
export class ProfilesController {
  constructor(
    private readonly putProfile: PutProfileUseCase,
    private readonly getProfile: GetProfileUseCase,
  ) {}

  @Put()
  @Allow('enterprise', 'admin')
  @ApiOperation({
    summary:
      'Declare the profile in force from a month (effectiveFrom, YYYY-MM): facilities with region, GB/T 4754 class and areas (m2), certifications, green-factory recognition, product footprint share, permitted annual pollutant amounts (t). A new month is a new version; the same month again is a corrected revision of that version (history kept). The enterprise itself, or an administrator.',
  })
  @ApiProblems(400, 404, 409)
  put(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Body(new ZodPipe(putProfileSchema)) body: PutProfileCommand) {
    return this.putProfile.execute(caller, uscc, body);
  }

  @Get()
  @Allow('enterprise', 'regulator', 'admin')
  @ApiOperation({ summary: 'The profile version in force in a month (?at=YYYY-MM; default: the current month): the enterprise itself, a regulator of its region, an administrator' })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string, @Query(new ZodPipe(getProfileQuerySchema)) query: GetProfileQuery) {
    return this.getProfile.execute(caller, uscc, query.at);
  }

  @Get('versions')
  @Allow('enterprise', 'regulator', 'admin')
  @ApiOperation({ summary: 'Every version of the profile, oldest first, each with the month it is in force from and until (the same callers)' })
  @ApiProblems(400, 404)
  versions(@CurrentCaller() caller: Caller, @Param('uscc', UsccParamPipe) uscc: string) {
    return this.getProfile.versions(caller, uscc);
  }
}
