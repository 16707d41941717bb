import { z } from 'zod';
import { BENCHMARK_DISCLOSURE_RULE } from '@gec/domain';
import { loadConfig, platformConfigSchema } from '@gec/platform';

export const ratingConfigSchema = platformConfigSchema({ service: 'rating', port: 3103 }).extend({
  /** How long an industry re-rating waits, so that a burst of benchmark versions is re-rated once, against the newest. */
  RERATE_COALESCE_MS: z.coerce.number().int().min(0).max(60000).default(5000),
  /** Below this many enterprises in its benchmark, a rating's K and industry intensity are shown to administrators only. */
  DISCLOSURE_MIN_COHORT: z.coerce.number().int().min(2).max(100).default(BENCHMARK_DISCLOSURE_RULE.minimumEnterprises),
});

export type RatingConfig = ReturnType<typeof ratingConfigSchema.parse>;

export function readRatingConfig(env: Record<string, string | undefined> = process.env): RatingConfig {
  return loadConfig(ratingConfigSchema, env);
}
