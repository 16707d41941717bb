import { z } from 'zod';
import { resourceFiguresShape } from '@gec/contracts';
import { ENERGY_CARRIERS, EnergyQuantity, isPeriodAfter, normalizeElectricity, normalizeQuantity, parsePeriod, ResourceFigures, resourceFigureErrors, selfConsumedRenewableKwh, UNIT_CONVERSIONS } from '@gec/domain';
import { periodField } from '@gec/platform';
import { facilityIdField } from '../../profiles/put-profile/put-profile.dto';

const quantity = z.number().finite().nonnegative();

// The carrier and unit are checked together by the domain (below); the document lists what each may be.
const allUnits = [...new Set(Object.values(UNIT_CONVERSIONS).flatMap((units) => Object.keys(units)))];
const energyEntry = z.strictObject({ carrier: z.string().meta({ enum: [...ENERGY_CARRIERS] }), quantity, unit: z.string().meta({ enum: allUnits }) });
const electricityUnit = z.string().meta({ enum: Object.keys(UNIT_CONVERSIONS.electricity) });

/**
 * A periodic report as submitted; on success energy is converted to canonical units. The other figures carry their
 * unit in their name. `ownRenewableElectricity` is the first version's single figure for own renewable power used on
 * site; `renewables` (by source) replaces it, and a report gives one or the other.
 */
export const submitReportSchema = z
  .strictObject({
    period: periodField,
    valueAdded: z.number().finite().positive(),
    outputValue: z.number().finite().nonnegative(),
    energy: z.array(energyEntry).min(1).max(50),
    ownRenewableElectricity: z.strictObject({ quantity, unit: electricityUnit }).optional(),
    ...resourceFiguresShape(true),
    /** The facility of the enterprise's profile (in force for the period) this report is about; absent: the enterprise as a whole. */
    facility: facilityIdField.optional(),
    /** Why this revision replaces the previous one: required from the second revision of a period on. */
    reason: z.string().trim().min(1).max(500).optional(),
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

    const { period: _p, valueAdded, outputValue, energy: _e, ownRenewableElectricity, reason, facility, ...rest } = body;
    const figures: ResourceFigures = rest;
    let ownRenewableElectricityKwh = selfConsumedRenewableKwh(figures);
    if (ownRenewableElectricity) {
      if (figures.renewables) ctx.addIssue({ code: 'custom', path: ['ownRenewableElectricity'], message: 'give own renewable electricity either by source (renewables) or as one figure, not both' });
      const kwh = normalizeElectricity(ownRenewableElectricity.quantity, ownRenewableElectricity.unit);
      if (kwh.ok) ownRenewableElectricityKwh = kwh.value;
      else ctx.addIssue({ code: 'custom', path: ['ownRenewableElectricity', 'unit'], message: kwh.reason });
    }
    for (const issue of resourceFigureErrors(figures)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return { period: body.period, valueAdded, outputValue, energy, ownRenewableElectricityKwh, figures, reason, ...(facility ? { facility } : {}) };
  });

export type SubmitReportCommand = z.output<typeof submitReportSchema>;
