import { z } from 'zod';
import { EnergyQuantity, isPeriodAfter, normalizeElectricity, normalizeQuantity, parsePeriod } from '@gec/domain';

const quantity = z.number().finite().nonnegative();

const energyEntry = z.strictObject({ carrier: z.string(), quantity, unit: z.string() });

/** A periodic report as submitted; on success it is already converted to canonical units. */
export const submitReportSchema = z
  .strictObject({
    period: z.string(),
    valueAdded: z.number().finite().positive(),
    outputValue: z.number().finite().nonnegative(),
    energy: z.array(energyEntry).min(1).max(50),
    ownRenewableElectricity: z.strictObject({ quantity, unit: z.string() }).optional(),
  })
  .transform((body, ctx) => {
    const period = parsePeriod(body.period);
    if (!period.ok) ctx.addIssue({ code: 'custom', path: ['period'], message: period.reason });
    else if (isPeriodAfter(period.value, new Date())) ctx.addIssue({ code: 'custom', path: ['period'], message: `period ${body.period} is in the future` });

    const energy: EnergyQuantity[] = [];
    body.energy.forEach((entry, i) => {
      const normalized = normalizeQuantity(entry.carrier, entry.quantity, entry.unit);
      if (normalized.ok) energy.push(normalized.value);
      else ctx.addIssue({ code: 'custom', path: ['energy', i, /unit/.test(normalized.reason) ? 'unit' : 'carrier'], message: normalized.reason });
    });

    let ownRenewableElectricityKwh = 0;
    if (body.ownRenewableElectricity) {
      const kwh = normalizeElectricity(body.ownRenewableElectricity.quantity, body.ownRenewableElectricity.unit);
      if (kwh.ok) ownRenewableElectricityKwh = kwh.value;
      else ctx.addIssue({ code: 'custom', path: ['ownRenewableElectricity', 'unit'], message: kwh.reason });
    }
    return { period: body.period, valueAdded: body.valueAdded, outputValue: body.outputValue, energy, ownRenewableElectricityKwh };
  });

export type SubmitReportCommand = z.output<typeof submitReportSchema>;
