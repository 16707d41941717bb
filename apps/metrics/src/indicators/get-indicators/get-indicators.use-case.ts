import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { areWithdrawn } from '../enterprise-indicators';
import { INDICATOR_UNITS } from '../indicator-units';
import { IndicatorsRepository } from '../indicators.repository';
import { IndicatorsKey } from './indicators-key.dto';

@Injectable()
export class GetIndicatorsUseCase {
  constructor(
    private readonly indicators: IndicatorsRepository,
    private readonly accessLog: AccessRecorder,
  ) {}

  /** The enterprise itself, a regulator of its region, or an administrator; to anyone else they do not exist. */
  async execute(caller: Caller, { uscc, period }: IndicatorsKey) {
    const access = grantAccess(caller, uscc, ['self', 'jurisdiction', 'admin']);
    const found = access && (await this.indicators.find(access, period));
    if (!access || !found) throw DomainError.notFound(`No indicators for ${period} of enterprise ${uscc}.`);
    await this.accessLog.record(access, `indicators ${period}`);
    // A withdrawn report leaves no values: the answer says so, with the withdrawal's revision.
    if (areWithdrawn(found)) {
      const { uscc: u, period: p, revision, industryDivision, regionCode, computedAt } = found;
      return { uscc: u, period: p, revision, industryDivision, regionCode, status: 'withdrawn' as const, computedAt };
    }
    return {
      uscc: found.uscc,
      period: found.period,
      revision: found.revision,
      industryDivision: found.industryDivision,
      regionCode: found.regionCode,
      valueAdded: found.valueAdded,
      energyTce: found.energyTce,
      co2Tonnes: found.co2Tonnes,
      co2ByCarrier: found.co2ByCarrier,
      ownRenewableCo2AvoidedTonnes: found.ownRenewableCo2AvoidedTonnes,
      energyIntensity: found.energyIntensity,
      carbonIntensity: found.carbonIntensity,
      gridFactor: { year: found.gridFactor.year, tco2PerMwh: found.gridFactor.tco2PerMwh },
      factorTableVersion: found.factorTableVersion,
      computedAt: found.computedAt,
      units: INDICATOR_UNITS,
    };
  }
}
