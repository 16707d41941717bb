import { loadConfig, platformConfigSchema } from '@gec/platform';

export const intakeConfigSchema = platformConfigSchema({ service: 'intake', port: 3101 });

export type IntakeConfig = ReturnType<typeof intakeConfigSchema.parse>;

export function readIntakeConfig(env: Record<string, string | undefined> = process.env): IntakeConfig {
  return loadConfig(intakeConfigSchema, env);
}
