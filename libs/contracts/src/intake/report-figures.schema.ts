import { z } from 'zod';
import { PlausibilityWarning, RENEWABLE_SOURCES, ResourceFigures } from '@gec/domain';

/**
 * The report's figures beyond energy and money (see `ResourceFigures` in libs/domain), each in the unit its name ends
 * with. `strict` for requests (an unknown field is an error naming it); lenient for events (a consumer ignores fields
 * added after it was built).
 */
export function resourceFiguresShape(strict: boolean) {
  const object = strict ? z.strictObject : z.object;
  const amount = z.number().finite().nonnegative();
  const renewable = object({ selfConsumedKwh: amount, exportedKwh: amount.optional() });
  return {
    headcount: z.int().nonnegative().optional(),
    renewables: object(Object.fromEntries(RENEWABLE_SOURCES.map((s) => [s, renewable.optional()])) as Record<(typeof RENEWABLE_SOURCES)[number], z.ZodOptional<typeof renewable>>).optional(),
    greenElectricity: object({ certificatesKwh: amount.optional(), tradingKwh: amount.optional() }).optional(),
    water: object({ newWaterM3: amount, reusedM3: amount.optional() }).optional(),
    solidWaste: object({ generatedT: amount, utilisedT: amount.optional(), priorStockUtilisedT: amount.optional(), disposedT: amount.optional(), storedT: amount.optional() }).optional(),
    hazardousWaste: object({ generatedT: amount, disposedCompliantlyT: amount.optional() }).optional(),
    pollutants: object({
      so2T: amount.optional(),
      noxT: amount.optional(),
      particulateT: amount.optional(),
      vocsT: amount.optional(),
      codT: amount.optional(),
      ammoniaNitrogenT: amount.optional(),
    }).optional(),
  };
}

/** Codes are open (new checks add codes), so consumers take any code. */
export const plausibilityWarningSchema = z.object({ code: z.string().min(1), field: z.string().min(1), message: z.string().min(1) });

export type ReportWarning = z.infer<typeof plausibilityWarningSchema>;

// The schemas and the domain types must describe the same figures.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const figuresMatch: Same<z.infer<z.ZodObject<ReturnType<typeof resourceFiguresShape>>>, ResourceFigures> = true;
const warningsFit: z.infer<typeof plausibilityWarningSchema> extends Pick<PlausibilityWarning, 'field' | 'message'> ? true : false = true;
void figuresMatch;
void warningsFit;
