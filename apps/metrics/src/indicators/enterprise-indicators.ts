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

/** What is left of a period's indicators once its report was withdrawn (at `revision`): who, where, and when. */
export interface WithdrawnIndicators {
  uscc: string;
  period: string;
  revision: number;
  industryDivision: string;
  regionCode: string;
  withdrawn: true;
  computedAt: string;
}

/** A period's indicators as kept: computed from its latest revision, or withdrawn with its report. */
export type PeriodIndicators = EnterpriseIndicators | WithdrawnIndicators;

export function areWithdrawn(indicators: PeriodIndicators): indicators is WithdrawnIndicators {
  return 'withdrawn' in indicators && indicators.withdrawn === true;
}

/** The fields a withdrawal removes from the stored indicators. */
export const INDICATOR_VALUE_FIELDS = [
  'valueAdded',
  'energyTce',
  'co2Tonnes',
  'co2ByCarrier',
  'ownRenewableCo2AvoidedTonnes',
  'energyIntensity',
  'carbonIntensity',
  'gridFactor',
  'factorTableVersion',
  'resources',
  'warnings',
] as const satisfies ReadonlyArray<keyof EnterpriseIndicators>;
