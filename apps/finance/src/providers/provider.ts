import { z } from 'zod';
import { REPORT_FIGURE_GROUPS, REPORT_FIGURE_KEYS } from '@gec/contracts';

export const PROVIDER_KINDS = ['grid', 'gas', 'statistics', 'park', 'other'] as const;

/**
 * A data provider (a grid or gas utility, the statistics bureau, an industrial park operator): supplies report
 * figures for enterprises registered in its region scope, only the figures named. Its machine client's tokens carry
 * exactly this scope (see `providerApiKeyTokenClaims`).
 */
export interface Provider {
  id: string;
  name: string;
  kind: (typeof PROVIDER_KINDS)[number];
  /** GB/T 2260 prefix: 2 digits a province, 4 a prefecture, 6 a county. */
  regionScope: string;
  /** Report figure keys (`energy.electricity`) or groups of them (`energy`, `water`). */
  figures: string[];
  createdAt: string;
}

export const PROVIDER_ID_PATTERN = /^[a-z0-9-]{2,64}$/;

export const providerIdSchema = z.string().regex(PROVIDER_ID_PATTERN, 'expected 2-64 lower-case letters, digits or dashes, such as cq-grid');

const knownFigures = [...REPORT_FIGURE_KEYS, ...REPORT_FIGURE_GROUPS];

export const providerInputSchema = z.strictObject({
  id: providerIdSchema,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PROVIDER_KINDS),
  regionScope: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, 'expected a GB/T 2260 region prefix of 2, 4 or 6 digits, such as 50 or 5001'),
  figures: z
    .array(z.string().meta({ enum: knownFigures }).refine((f) => knownFigures.includes(f), 'expected a report figure key (such as energy.electricity) or group (such as energy)'))
    .min(1)
    .max(REPORT_FIGURE_KEYS.length)
    .refine((figures) => new Set(figures).size === figures.length, 'figures must not repeat'),
});

export type ProviderInput = z.infer<typeof providerInputSchema>;
