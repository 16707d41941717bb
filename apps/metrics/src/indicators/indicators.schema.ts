import { Schema } from 'mongoose';
import { ReportWarning } from '@gec/contracts';
import { GridFactor, ResourceIndicators } from '@gec/domain';
import { OutboxEntry, outboxField } from '@gec/platform';

/**
 * The latest indicators of one enterprise and period; `_id` is `<uscc>:<period>`. A withdrawn period keeps only who,
 * where, its revision and `withdrawn: true` (the values are removed).
 */
export type IndicatorsDocument = ComputedIndicatorsDocument | WithdrawnIndicatorsDocument;

export interface WithdrawnIndicatorsDocument {
  _id: string;
  uscc: string;
  period: string;
  revision: number;
  industryDivision: string;
  regionCode: string;
  withdrawn: true;
  computedAt: Date;
  outbox: OutboxEntry[];
}

export interface ComputedIndicatorsDocument {
  _id: string;
  uscc: string;
  period: string;
  revision: number;
  industryDivision: string;
  regionCode: string;
  valueAdded: number;
  energyTce: number;
  co2Tonnes: number;
  co2ByCarrier: Record<string, number>;
  ownRenewableCo2AvoidedTonnes: number;
  energyIntensity: number;
  carbonIntensity: number;
  gridFactor: GridFactor;
  factorTableVersion: string;
  /** Absent on indicators computed before the full report. */
  resources?: ResourceIndicators;
  warnings?: ReportWarning[];
  withdrawn?: false;
  computedAt: Date;
  outbox: OutboxEntry[];
}

export const indicatorsSchema = new Schema<IndicatorsDocument>(
  {
    _id: String,
    uscc: { type: String, required: true },
    period: { type: String, required: true },
    revision: { type: Number, required: true },
    industryDivision: { type: String, required: true },
    regionCode: { type: String, required: true },
    valueAdded: { type: Number },
    energyTce: { type: Number },
    co2Tonnes: { type: Number },
    co2ByCarrier: { type: Schema.Types.Mixed },
    ownRenewableCo2AvoidedTonnes: { type: Number },
    energyIntensity: { type: Number },
    carbonIntensity: { type: Number },
    gridFactor: { type: Schema.Types.Mixed },
    factorTableVersion: { type: String },
    withdrawn: { type: Boolean },
    resources: { type: Schema.Types.Mixed },
    warnings: { type: Schema.Types.Mixed },
    computedAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { versionKey: false, minimize: false },
);
// Writes are guarded by {_id, revision} as read: the database stand-in uses only an index covering both for that filter.
indicatorsSchema.index({ _id: 1, revision: 1 }, { unique: true });
