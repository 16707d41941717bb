import { Schema } from 'mongoose';
import { IndicatorsComputed } from '@gec/contracts';

/** The newest indicators of one enterprise and period; `_id` is `<uscc>:<period>`. */
export type IndicatorsDocument = IndicatorsComputed & { _id: string };

export const indicatorsSchema = new Schema<IndicatorsDocument>(
  {
    _id: String,
    uscc: { type: String, required: true },
    period: { type: String, required: true },
    revision: { type: Number, required: true },
    industryDivision: { type: String, required: true },
    regionCode: { type: String, required: true },
    valueAdded: { type: Number, required: true },
    energyTce: { type: Number, required: true },
    co2Tonnes: { type: Number, required: true },
    energyIntensity: { type: Number, required: true },
    carbonIntensity: { type: Number, required: true },
    factorTableVersion: { type: String, required: true },
    gridFactorYear: { type: Number, required: true },
    computedAt: { type: String, required: true },
  },
  { versionKey: false },
);
