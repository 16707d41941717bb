import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { INDICATOR_UNITS } from '../indicator-units';
import { IndicatorsRepository } from '../indicators.repository';
import { IndicatorsKey } from './indicators-key.dto';

@Injectable()
export class GetIndicatorsUseCase {
  constructor(private readonly indicators: IndicatorsRepository) {}

  async execute({ uscc, period }: IndicatorsKey) {
    const found = await this.indicators.find(uscc, period);
    if (!found) throw DomainError.notFound(`No indicators for ${period} of enterprise ${uscc}.`);
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
