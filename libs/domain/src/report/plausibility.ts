import type { ResourceFigures } from './report-figures';

/** A figure that is allowed but unlikely: kept with the report, shown to the enterprise and its regulator. */
export interface PlausibilityWarning {
  code: 'value-added-above-output' | 'month-on-month-jump' | 'source-disagreement' | 'pollutant-above-permit';
  /** The figure it is about, e.g. `valueAdded`. */
  field: string;
  message: string;
}

export const PLAUSIBILITY_RULES = {
  version: 'plausibility-2026.1',
  /** A figure more than this many times (or less than 1/this) its value in the previous month. */
  monthOnMonthFactor: 5,
} as const;

export interface PlausibilityInput {
  valueAdded: number;
  outputValue: number;
  /** Total energy in tce (from the current coal-equivalent table). */
  energyTce: number;
}

/** Warnings for a report, given the latest revision of the previous month's report when there is one. */
export function plausibilityWarnings(current: PlausibilityInput, previousMonth?: PlausibilityInput, rules = PLAUSIBILITY_RULES): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  if (current.valueAdded > current.outputValue) {
    warnings.push({ code: 'value-added-above-output', field: 'valueAdded', message: `value added (${current.valueAdded}) is above output value (${current.outputValue})` });
  }
  if (previousMonth) {
    for (const field of ['valueAdded', 'energyTce'] as const) {
      const before = previousMonth[field];
      const now = current[field];
      if (before > 0 && now > 0 && (now / before > rules.monthOnMonthFactor || before / now > rules.monthOnMonthFactor)) {
        warnings.push({
          code: 'month-on-month-jump',
          field: field === 'energyTce' ? 'energy' : field,
          message: `${field === 'energyTce' ? 'energy use' : 'value added'} moved from ${round(before)} to ${round(now)} in a month (more than ${rules.monthOnMonthFactor}x; ${rules.version})`,
        });
      }
    }
  }
  return warnings;
}

type PollutantAmounts = NonNullable<ResourceFigures['pollutants']>;

const POLLUTANT_NAMES: Record<keyof PollutantAmounts, string> = {
  so2T: 'SO2',
  noxT: 'NOx',
  particulateT: 'particulate matter',
  vocsT: 'VOCs',
  codT: 'COD',
  ammoniaNitrogenT: 'ammonia nitrogen',
};

/**
 * Warnings for pollutants whose year-to-date amount (this month's report plus the earlier months of the same year,
 * `earlierThisYear`, one entry per month) exceeds the annual amount permitted in the profile in force. A pollutant the
 * permit does not name, or this report does not report, is not checked.
 */
export function permitWarnings(current: PollutantAmounts | undefined, earlierThisYear: ReadonlyArray<PollutantAmounts | undefined>, permitted: PollutantAmounts | undefined): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  if (!current || !permitted) return warnings;
  for (const pollutant of Object.keys(POLLUTANT_NAMES) as Array<keyof PollutantAmounts>) {
    const permit = permitted[pollutant];
    const now = current[pollutant];
    if (permit === undefined || now === undefined) continue;
    const sum = earlierThisYear.reduce((total, month) => total + (month?.[pollutant] ?? 0), now);
    if (sum > permit) {
      warnings.push({
        code: 'pollutant-above-permit',
        field: `pollutants.${pollutant}`,
        message: `${POLLUTANT_NAMES[pollutant]} so far this year (${round(sum)} t) exceeds the permitted annual amount (${round(permit)} t)`,
      });
    }
  }
  return warnings;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
