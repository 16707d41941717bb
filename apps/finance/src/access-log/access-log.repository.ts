import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { DataAccessed } from '@gec/contracts';
import { EnterpriseAccess, MongoConnection, onlyDuplicateKeys, Retention, ServiceRuntime } from '@gec/platform';
import { FinanceConfig } from '../finance.config';
import { AccessLogCursor, AccessLogEntry, encodeCursor } from './access-log-entry';
import { AccessRecordDocument, accessRecordSchema } from './access-log.schema';

export interface AccessLogPage {
  entries: AccessLogEntry[];
  /** Where the next (older) page starts, or null on the last page. */
  next: string | null;
}

@Injectable()
export class AccessLogRepository {
  private readonly model: Model<AccessRecordDocument>;

  constructor(mongo: MongoConnection, retention: Retention, runtime: ServiceRuntime<FinanceConfig>) {
    this.model = mongo.model('AccessRecord', accessRecordSchema, 'access_records');
    retention.register({ name: 'access_records', model: this.model as never, field: 'accessedAt', maxAgeMs: runtime.config.ACCESS_LOG_RETENTION_DAYS * 86_400_000 });
  }

  /** Keeps a batch of records in one round trip; a record already kept (delivered twice) is left as it is. */
  async append(records: DataAccessed[]): Promise<void> {
    if (records.length === 0) return;
    const docs = records.map(({ accessId, accessedAt, ...rest }) => ({ _id: accessId, ...rest, accessedAt: new Date(accessedAt) }));
    try {
      await this.model.collection.insertMany(docs as never, { ordered: false });
    } catch (error) {
      if (!onlyDuplicateKeys(error)) throw error;
    }
  }

  /** The enterprise's records in a month (UTC), newest first, `limit` at a time from `after` (a previous page's `next`). */
  async find(access: EnterpriseAccess, month: string, limit: number, after?: AccessLogCursor): Promise<AccessLogPage> {
    const start = new Date(`${month}-01T00:00:00.000Z`);
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const older = after
      ? { $or: [{ accessedAt: { $lt: after.accessedAt } }, { accessedAt: after.accessedAt, _id: { $lt: after.accessId } }] }
      : {};
    const docs = await this.model
      .find({ uscc: access.uscc, accessedAt: { $gte: start, $lt: end }, ...older })
      .sort({ accessedAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean();
    const entries = docs.slice(0, limit).map(({ _id, uscc: _u, accessedAt, ...rest }) => ({ accessId: _id, ...rest, accessedAt: accessedAt.toISOString() }) as AccessLogEntry);
    const last = entries[entries.length - 1];
    return { entries, next: docs.length > limit ? encodeCursor({ accessedAt: new Date(last.accessedAt), accessId: last.accessId }) : null };
  }
}
