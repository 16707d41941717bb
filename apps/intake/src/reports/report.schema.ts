import { Schema } from 'mongoose';
import { OutboxEntry, outboxField } from '@gec/platform';
import { ReportRevision } from './report';
import { ReportSources } from './sources/report-sources';

/** One document per enterprise and period, holding every revision; `_id` is `<uscc>:<period>`. */
export interface ReportDocument {
  _id: string;
  uscc: string;
  period: string;
  revision: number;
  revisions: ReportRevision[];
  /** Each source's figures (the enterprise's own, data providers'), from which revisions take theirs by precedence. */
  sources?: ReportSources;
  outbox: OutboxEntry[];
}

export const reportSchema = new Schema<ReportDocument>(
  {
    _id: String,
    uscc: { type: String, required: true },
    period: { type: String, required: true },
    revision: { type: Number, required: true },
    revisions: { type: Schema.Types.Mixed, default: [] },
    sources: { type: Schema.Types.Mixed },
    outbox: outboxField,
  },
  { versionKey: false },
);
// Writes are guarded by {_id, revision}: the database stand-in only uses an index covering both for such a filter (without it,
// each guarded update scans the collection).
reportSchema.index({ _id: 1, revision: 1 }, { unique: true });
