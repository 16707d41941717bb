import { loadConfig, platformConfigSchema } from '@gec/platform';

export const ratingConfigSchema = platformConfigSchema({ service: 'rating', port: 3103 });

export type RatingConfig = ReturnType<typeof ratingConfigSchema.parse>;

export function readRatingConfig(env: Record<string, string | undefined> = process.env): RatingConfig {
  return loadConfig(ratingConfigSchema, env);
}
