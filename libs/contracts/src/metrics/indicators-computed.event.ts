import { z } from 'zod';
import { plausibilityWarningSchema } from '../intake/report-figures.schema';
import { INDUSTRY_DIVISION_PATTERN, PERIOD_PATTERN, REGION_CODE_PATTERN, USCC_PATTERN } from '../shared-patterns';

export const computedIndicatorsSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  revision: z.int().positive(),
  industryDivision: z.string().regex(INDUSTRY_DIVISION_PATTERN),
  regionCode: z.string().regex(REGION_CODE_PATTERN),
  valueAdded: z.number().positive(),
  energyTce: z.number().nonnegative(),
  co2Tonnes: z.number().nonnegative(),
  energyIntensity: z.number().nonnegative(),
  carbonIntensity: z.number().nonnegative(),
  factorTableVersion: z.string().min(1),
  gridFactorYear: z.int(),
  /** Added after v1 was first published (optional): resource indicators, null where not reported. */
  resources: z
    .object({
      waterIntensity: z.number().nullable(),
      waterReuseRate: z.number().nullable(),
      solidWasteUtilisationRate: z.number().nullable(),
      hazardousWasteCompliantRate: z.number().nullable(),
      renewableElectricityShare: z.number().nullable(),
      valueAddedPerHead: z.number().nullable(),
    })
    .optional(),
  /** Added after v1 was first published (optional): the report revision's plausibility warnings. */
  warnings: z.array(plausibilityWarningSchema).optional(),
  computedAt: z.iso.datetime({ offset: true }),
});

/**
 * Added after v1 was first published: the period's report was withdrawn (revision `revision`), so its indicators are
 * gone; the enterprise and period say which.
 */
export const withdrawnIndicatorsSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  revision: z.int().positive(),
  industryDivision: z.string().regex(INDUSTRY_DIVISION_PATTERN),
  regionCode: z.string().regex(REGION_CODE_PATTERN),
  withdrawn: z.literal(true),
  computedAt: z.iso.datetime({ offset: true }),
});

export const indicatorsComputedSchema = z.union([withdrawnIndicatorsSchema, computedIndicatorsSchema]);

export type ComputedIndicators = z.infer<typeof computedIndicatorsSchema>;
export type IndicatorsWithdrawn = z.infer<typeof withdrawnIndicatorsSchema>;
export type IndicatorsComputed = ComputedIndicators | IndicatorsWithdrawn;
