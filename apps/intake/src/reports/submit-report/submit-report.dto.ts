import { z } from 'zod';
import { ENERGY_CARRIERS, EnergyQuantity, isPeriodAfter, normalizeElectricity, normalizeQuantity, parsePeriod, UNIT_CONVERSIONS } from '@gec/domain';
import { periodField } from '@gec/platform';

const quantity = z.number().finite().nonnegative();

// The carrier and unit are checked together by the domain (below); the document lists what each may be.
const allUnits = [...new Set(Object.values(UNIT_CONVERSIONS).flatMap((units) => Object.keys(units)))];
const energyEntry = z.strictObject({ carrier: z.string().meta({ enum: [...ENERGY_CARRIERS] }), quantity, unit: z.string().meta({ enum: allUnits }) });
const electricityUnit = z.string().meta({ enum: Object.keys(UNIT_CONVERSIONS.electricity) });

/** A periodic report as submitted; on success it is already converted to canonical units. */
export const submitReportSchema = z
  .strictObject({
    period: periodField,
    valueAdded: z.number().finite().positive(),
    outputValue: z.number().finite().nonnegative(),
    energy: z.array(energyEntry).min(1).max(50),
    ownRenewableElectricity: z.strictObject({ quantity, unit: electricityUnit }).optional(),
  })
  .transform((body, ctx) => {
    const period = parsePeriod(body.period);
    if (period.ok && isPeriodAfter(period.value, new Date())) ctx.addIssue({ code: 'custom', path: ['period'], message: `period ${body.period} is in the future` });

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
