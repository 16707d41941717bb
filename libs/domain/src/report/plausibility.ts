/** A figure that is allowed but unlikely: kept with the report, shown to the enterprise and its regulator. */
export interface PlausibilityWarning {
  code: 'value-added-above-output' | 'month-on-month-jump' | 'source-disagreement';
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
