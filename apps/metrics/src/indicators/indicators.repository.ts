import { Injectable } from '@nestjs/common';
import { computeResourceIndicators } from '@gec/domain';
import { Model } from 'mongoose';
import { admit, Admitted, upsertUnlessNewer, findByIds, DocumentEvents, EnterpriseAccess, MongoConnection, OutboxEntry, pendingEvents, PipelineKeys } from '@gec/platform';
import { INDICATOR_VALUE_FIELDS, PeriodIndicators } from './enterprise-indicators';
import { IndicatorsDocument, indicatorsSchema } from './indicators.schema';

/** What the event path needs of stored indicators: their revision, and events still waiting in their outbox. */
export interface StoredRevision {
  _id: string;
  revision: number;
  outbox: OutboxEntry[];
}

@Injectable()
export class IndicatorsRepository {
  private readonly model: Model<IndicatorsDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Indicators', indicatorsSchema, 'indicators');
  }

  /** The stored revisions of these enterprises' periods, in one read (event path only: no caller, no scope). */
  async findForProcessing(scope: PipelineKeys<{ uscc: string; period: string }>): Promise<Map<string, StoredRevision>> {
    if (scope.keys.length === 0) return new Map();
    const docs = await findByIds<StoredRevision>(this.model as never, scope.keys.map((k) => indicatorsId(k.uscc, k.period)), { revision: 1, outbox: 1 });
    return new Map(docs.map((d) => [d._id, d]));
  }

  /**
   * Stores each enterprise's indicators with their events in one bulk write, each only over an older revision: the
   * filter misses a same-or-newer one and the upsert's insert then hits the taken `_id`, which is ignored.
   */
  async saveNewer(writes: Array<{ indicators: PeriodIndicators; events: OutboxEntry[] }>): Promise<void> {
    if (writes.length === 0) return;
    await upsertUnlessNewer(this.model as never,
        writes.map(({ indicators, events }) => ({
          updateOne: {
            filter: { _id: indicatorsId(indicators.uscc, indicators.period), revision: { $lt: indicators.revision } },
            update: {
              $set: { ...indicators, computedAt: new Date(indicators.computedAt) },
              // A withdrawal removes the values; indicators computed again after it are no longer withdrawn.
              $unset: 'withdrawn' in indicators ? Object.fromEntries(INDICATOR_VALUE_FIELDS.map((f) => [f, ''])) : { withdrawn: '' },
              $push: { outbox: { $each: events } },
            },
            upsert: true,
          },
        })) as never);
  }

  pending(stored: Map<string, StoredRevision>): DocumentEvents[] {
    return pendingEvents(this.model as never, stored.values());
  }

  documentEvents(indicators: PeriodIndicators, events: OutboxEntry[]): DocumentEvents {
    return { model: this.model as never, id: indicatorsId(indicators.uscc, indicators.period), events };
  }

  /** The indicators of a period, if the access reaches them (a regulator's only within its region). */
  async find(access: EnterpriseAccess, period: string): Promise<Admitted<PeriodIndicators> | null> {
    const doc = await this.model.findById(indicatorsId(access.uscc, period), { outbox: 0 }).lean();
    return doc && admit(access, doc.regionCode, toIndicators(doc));
  }
}

function indicatorsId(uscc: string, period: string): string {
  return `${uscc}:${period}`;
}

function toIndicators(doc: IndicatorsDocument): PeriodIndicators {
  if (doc.withdrawn) {
    const { uscc, period, revision, industryDivision, regionCode, computedAt } = doc;
    return { uscc, period, revision, industryDivision, regionCode, withdrawn: true, computedAt: computedAt.toISOString() };
  }
  const { _id, outbox: _outbox, computedAt, resources, warnings, withdrawn: _w, ...rest } = doc;
  return { ...rest, resources: resources ?? computeResourceIndicators({}, doc.valueAdded, 0), warnings: warnings ?? [], computedAt: computedAt.toISOString() };
}
