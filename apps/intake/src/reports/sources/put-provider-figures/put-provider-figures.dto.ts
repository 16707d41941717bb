import { z } from 'zod';
import { REPORT_FIGURE_KEYS } from '@gec/contracts';

const amount = z.number().finite().nonnegative();

/**
 * A data provider's figures for one enterprise and period, by figure key (`energy.electricity`,
 * `water.newWaterM3`), each in the figure's unit: energy in its carrier's canonical unit (electricity kWh, natural gas
 * m3, coal t, heat GJ), money in 10,000 yuan, other figures in the unit their name ends with. Replaces what the
 * provider gave before for that period.
 */
export const putProviderFiguresSchema = z.strictObject({
  figures: z
    .record(z.string().meta({ enum: [...REPORT_FIGURE_KEYS] }), amount)
    .superRefine((figures, ctx) => {
      const keys = Object.keys(figures);
      if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'give at least one figure' });
      for (const key of keys) {
        if (!REPORT_FIGURE_KEYS.includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `not a report figure; expected one of ${REPORT_FIGURE_KEYS.join(', ')}` });
        else if (key === 'valueAdded' && figures[key] <= 0) ctx.addIssue({ code: 'custom', path: [key], message: 'value added must be above 0' });
        else if (key === 'headcount' && !Number.isInteger(figures[key])) ctx.addIssue({ code: 'custom', path: [key], message: 'headcount is a whole number' });
      }
    }),
});

export type PutProviderFiguresCommand = z.output<typeof putProviderFiguresSchema>;
