import { Schema } from 'mongoose';
import { ReportWarning } from '@gec/contracts';
import { GridFactor, ResourceIndicators } from '@gec/domain';
import { OutboxEntry, outboxField } from '@gec/platform';

/** The latest indicators of one enterprise and period; `_id` is `<uscc>:<period>`. */
export interface IndicatorsDocument {
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
    valueAdded: { type: Number, required: true },
    energyTce: { type: Number, required: true },
    co2Tonnes: { type: Number, required: true },
    co2ByCarrier: { type: Schema.Types.Mixed, required: true },
    ownRenewableCo2AvoidedTonnes: { type: Number, required: true },
    energyIntensity: { type: Number, required: true },
    carbonIntensity: { type: Number, required: true },
    gridFactor: { type: Schema.Types.Mixed, required: true },
    factorTableVersion: { type: String, required: true },
    resources: { type: Schema.Types.Mixed },
    warnings: { type: Schema.Types.Mixed },
    computedAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { versionKey: false, minimize: false },
);
// Writes are guarded by {_id, revision} as read: the database stand-in uses only an index covering both for that filter.
indicatorsSchema.index({ _id: 1, revision: 1 }, { unique: true });
