import { Injectable } from '@nestjs/common';
import { computeResourceIndicators } from '@gec/domain';
import { Model } from 'mongoose';
import { admit, Admitted, findByIds, DocumentEvents, EnterpriseAccess, guardedUpsert, MongoConnection, OutboxEntry, pendingEvents, PipelineKeys, RetryableEventError, writeAllOrConflict } from '@gec/platform';
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
   * Stores each enterprise's indicators with their events in one bulk write, each over the revision read (`stored`,
   * absent when there was none). A miss means another consumer wrote meanwhile (a zombie after a rebalance): the batch
   * is redone on fresh state.
   */
  async saveNewer(writes: Array<{ indicators: PeriodIndicators; events: OutboxEntry[]; stored?: number }>): Promise<void> {
    const operations = writes.map(({ indicators, events, stored }) =>
      guardedUpsert(indicatorsId(indicators.uscc, indicators.period), 'revision', stored, {
        $set: { ...indicators, computedAt: new Date(indicators.computedAt) },
        // A withdrawal removes the values; indicators computed again after it are no longer withdrawn.
        $unset: 'withdrawn' in indicators ? Object.fromEntries(INDICATOR_VALUE_FIELDS.map((f) => [f, ''])) : { withdrawn: '' },
        $push: { outbox: { $each: events } },
      }),
    );
    if (!(await writeAllOrConflict(this.model as never, operations as never))) throw new RetryableEventError('indicators were written by another consumer meanwhile');
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
