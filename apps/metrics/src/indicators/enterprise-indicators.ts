import { ReportWarning } from '@gec/contracts';
import { GridFactor, ResourceIndicators } from '@gec/domain';

/** One enterprise's indicators for one period, from the latest revision of its report; figures in canonical units. */
export interface EnterpriseIndicators {
  uscc: string;
  period: string;
  revision: number;
  industryDivision: string;
  regionCode: string;
  /** 10,000 yuan. */
  valueAdded: number;
  energyTce: number;
  co2Tonnes: number;
  co2ByCarrier: Record<string, number>;
  ownRenewableCo2AvoidedTonnes: number;
  energyIntensity: number;
  carbonIntensity: number;
  gridFactor: GridFactor;
  factorTableVersion: string;
  /** Water, waste, renewable-share and per-head indicators, null where the report left the figures out. */
  resources: ResourceIndicators;
  /** The report revision's plausibility warnings, for the enterprise and its regulator. */
  warnings: ReportWarning[];
  computedAt: string;
}
