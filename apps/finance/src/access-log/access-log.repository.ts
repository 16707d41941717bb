import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { EnterpriseAccess, isDuplicateKey, MongoConnection } from '@gec/platform';
import { AccessLogEntry, monthOf } from './access-log-entry';
import { AccessLogDocument, accessLogSchema, StoredAccessLogEntry } from './access-log.schema';


@Injectable()
export class AccessLogRepository {
  private readonly model: Model<AccessLogDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('AccessLog', accessLogSchema, 'access_logs');
  }

  /** Appends an entry to the enterprise's log of its month, unless an entry with its access id is already there. */
  async append(uscc: string, entry: AccessLogEntry): Promise<void> {
    const month = monthOf(new Date(entry.accessedAt));
    const id = logId(uscc, month);
    const stored: StoredAccessLogEntry = { ...entry, accessedAt: new Date(entry.accessedAt) };
    const notYetThere = { _id: id, 'entries.accessId': { $ne: entry.accessId } };
    const push = { $push: { entries: stored } };
    try {
      await this.model.updateOne(notYetThere, { ...push, $setOnInsert: { uscc, month } }, { upsert: true });
    } catch (error) {
      // The month's document exists (with this entry, or created concurrently by another one): append to it, if still missing.
      if (!isDuplicateKey(error)) throw error;
      await this.model.updateOne(notYetThere, push);
    }
  }

  /** The enterprise's log of one month, newest first (empty when nothing was recorded). */
  async find(access: EnterpriseAccess, month: string): Promise<AccessLogEntry[]> {
    const doc = await this.model.findById(logId(access.uscc, month)).lean();
    return (doc?.entries ?? [])
      .map((e) => ({ ...e, accessedAt: e.accessedAt.toISOString() }))
      .sort((a, b) => b.accessedAt.localeCompare(a.accessedAt) || b.accessId.localeCompare(a.accessId));
  }
}

function logId(uscc: string, month: string): string {
  return `${uscc}:${month}`;
}
