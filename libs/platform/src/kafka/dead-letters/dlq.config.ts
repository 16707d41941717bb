import { z } from 'zod';
import { loadConfig } from '../../config/load-config';
import { platformConfigSchema } from '../../config/platform-config.schema';

/** What `npm run dlq` reads from the environment: the services' own Kafka settings, with their defaults. */
export const dlqConfigSchema = platformConfigSchema({ service: 'dlq', port: 0 }).pick({ KAFKA_BROKERS: true, KAFKA_TOPIC_PREFIX: true });

export type DlqConfig = z.infer<typeof dlqConfigSchema>;

export function readDlqConfig(env: Record<string, string | undefined>): DlqConfig {
  return loadConfig(dlqConfigSchema, env);
}
