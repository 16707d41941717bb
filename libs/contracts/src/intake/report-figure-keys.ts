import { z } from 'zod';
import { CANONICAL_UNIT, ENERGY_CARRIERS } from '@gec/domain';
import { resourceFiguresShape } from './report-figures.schema';

function leafKeys(shape: Record<string, z.ZodType>, prefix: string): string[] {
  return Object.entries(shape).flatMap(([name, type]) => {
    const inner = type instanceof z.ZodOptional ? (type.unwrap() as z.ZodType) : type;
    return inner instanceof z.ZodObject ? leafKeys(inner.shape as Record<string, z.ZodType>, `${prefix}${name}.`) : [`${prefix}${name}`];
  });
}

/**
 * Every figure of a report by its key, derived from the report's schema: `valueAdded`, `outputValue`,
 * `energy.<carrier>` (canonical unit) and each other figure by its path (`water.newWaterM3`). What data providers are
 * allowed (a key, or a group such as `energy`), what they submit, and how the sources of a report are shown.
 */
export const REPORT_FIGURE_KEYS: readonly string[] = ['valueAdded', 'outputValue', ...ENERGY_CARRIERS.map((c) => `energy.${c}`), ...leafKeys(resourceFiguresShape(false), '')];

/** The groups a provider's allowed list may name instead of single keys (`energy`, `water`, `renewables.pv`). */
export const REPORT_FIGURE_GROUPS: readonly string[] = [...new Set(REPORT_FIGURE_KEYS.flatMap((key) => key.split('.').slice(0, -1).map((_p, i, parts) => parts.slice(0, i + 1).join('.'))))];

/** The unit of a figure's value: a carrier's canonical unit, 10,000 yuan for money, else the unit its name ends with. */
export function reportFigureUnit(key: string): string {
  if (key.startsWith('energy.')) return CANONICAL_UNIT[key.slice('energy.'.length) as keyof typeof CANONICAL_UNIT];
  if (key === 'valueAdded' || key === 'outputValue') return '10^4 yuan';
  if (key === 'headcount') return 'persons';
  const suffix = /(Kwh|M3|T)$/.exec(key)?.[1];
  return suffix === 'Kwh' ? 'kWh' : suffix === 'M3' ? 'm3' : 't';
}
