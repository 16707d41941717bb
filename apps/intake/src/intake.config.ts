import { z } from 'zod';
import { DEFAULT_SOURCE_PRECEDENCE, DEFAULT_SOURCE_TOLERANCE, SOURCE_KINDS } from '@gec/domain';
import { loadConfig, platformConfigSchema } from '@gec/platform';

export const intakeConfigSchema = platformConfigSchema({ service: 'intake', port: 3101 }).extend({
  /**
   * Which kind of source's figure a report uses when several give it, first listed first (kinds not listed come last):
   * a comma list of self, provider, metered.
   */
  INTAKE_SOURCE_PRECEDENCE: z
    .string()
    .transform((s) => s.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.enum(SOURCE_KINDS, { error: `expected a comma list of ${SOURCE_KINDS.join(', ')}` }))
        .min(1, 'expected at least one source kind')
        .refine((kinds) => new Set(kinds).size === kinds.length, 'a source kind is listed twice'),
    )
    .default([...DEFAULT_SOURCE_PRECEDENCE]),
  /** Two sources' values of a figure disagree (a warning) when apart by more than this share of the larger. */
  INTAKE_SOURCE_TOLERANCE: z.coerce.number().min(0).max(1).default(DEFAULT_SOURCE_TOLERANCE),
});

export type IntakeConfig = ReturnType<typeof intakeConfigSchema.parse>;

export function readIntakeConfig(env: Record<string, string | undefined> = process.env): IntakeConfig {
  return loadConfig(intakeConfigSchema, env);
}
