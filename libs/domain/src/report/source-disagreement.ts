import { DEFAULT_SOURCE_TOLERANCE, FigureChoice, relativeDifference } from './figure-sources';
import { PlausibilityWarning } from './plausibility';

/**
 * A warning per figure whose sources disagree: another source's value differs from the one used by more than the
 * tolerance (a share of the larger value). Names the figure, the sources and their values.
 */
export function sourceDisagreementWarnings(choices: readonly FigureChoice[], tolerance = DEFAULT_SOURCE_TOLERANCE): PlausibilityWarning[] {
  return choices.flatMap((choice) => {
    const apart = choice.values.filter((v) => relativeDifference(v.value, choice.used.value) > tolerance);
    if (apart.length === 0) return [];
    const others = apart.map((v) => `${v.source} gives ${v.value} (${percent(relativeDifference(v.value, choice.used.value))} apart)`).join(', ');
    return [
      {
        code: 'source-disagreement' as const,
        field: choice.key,
        message: `${choice.key}: ${choice.used.source} gives ${choice.used.value} (used), ${others}; more than the ${percent(tolerance)} tolerance`,
      },
    ];
  });
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
