import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { admit, Admitted, writeAllOrConflict, findByIds, DocumentEvents, EnterpriseAccess, MongoConnection, OutboxBatch, OutboxEntry, pendingEvents, PipelineKeys, StagedBatches } from '@gec/platform';
import { PeriodRating, Rating, RatingHistoryEntry, WithdrawnPeriod } from './rating';
import { RatingsDocument, ratingsSchema } from './rating.schema';


/**
 * What a writer read of one enterprise: the document's version (null when it has no rating yet), its region, its
 * ratings per period, and events still waiting for it (in its outbox, or in the outbox batches it names).
 */
export interface RatingsSnapshot {
  uscc: string;
  version: number | null;
  regionCode: string | null;
  periods: Record<string, PeriodRating>;
  /** Periods whose rating was withdrawn. */
  withdrawn: Record<string, WithdrawnPeriod>;
  outbox: OutboxEntry[];
  outboxBatches: string[];
}

/** Where a write's events are: the batches staged for it, and those its documents named that still exist. */
export interface RatingEventBatches {
  staged: StagedBatches;
  loaded: Map<string, OutboxBatch>;
}

/**
 * New ratings of one enterprise (one or more periods) and withdrawals of periods' ratings, over the snapshot they were
 * computed from; changes carry their history entries and events.
 */
export interface RatingWrite {
  snapshot: RatingsSnapshot;
  regionCode: string;
  periods: Record<string, PeriodRating>;
  withdrawals: Record<string, WithdrawnPeriod>;
  changes: Array<{ entry: RatingHistoryEntry; event: OutboxEntry }>;
}

@Injectable()
export class RatingsRepository {
  private readonly model: Model<RatingsDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Ratings', ratingsSchema, 'ratings');
  }

  /** The ratings of these enterprises, in one read (for the raters, which write on the platform's behalf, not a caller's). */
  async findSnapshots(scope: PipelineKeys<string>): Promise<Map<string, RatingsSnapshot>> {
    const usccs = scope.keys;
    const docs = usccs.length === 0 ? [] : await findByIds<RatingsDocument>(this.model as never, usccs, { history: 0 });
    const found = new Map(docs.map((d) => [d._id, d]));
    return new Map(
      usccs.map((uscc) => {
        const d = found.get(uscc);
        return [uscc, { uscc, version: d?.version ?? null, regionCode: d?.regionCode ?? null, periods: d?.periods ?? {}, withdrawn: d?.withdrawn ?? {}, outbox: d?.outbox ?? [], outboxBatches: d?.outboxBatches ?? [] }];
      }),
    );
  }

  /** The rating of a period, or of the latest rated period when none is given, if the access reaches it. */
  async findRating(access: EnterpriseAccess, period?: string): Promise<Admitted<Rating> | null> {
    const doc = await this.model.findById(access.uscc, { regionCode: 1, periods: 1 }).lean();
    const periods = doc?.periods ?? {};
    const chosen = period ?? Object.keys(periods).sort().pop();
    const rating = chosen ? periods[chosen] : undefined;
    return doc && chosen && rating ? admit(access, doc.regionCode, { uscc: access.uscc, period: chosen, ...rating }) : null;
  }

  /** Every change of the enterprise's rating, oldest first, if the access reaches it. */
  async findHistory(access: EnterpriseAccess): Promise<Admitted<RatingHistoryEntry[]> | null> {
    const doc = await this.model.findById(access.uscc, { regionCode: 1, history: 1 }).lean();
    return doc && admit(access, doc.regionCode, doc.history);
  }

  /**
   * Writes the ratings in one bulk write, each over the version of the document it was computed from (an enterprise
   * without ratings is inserted), naming the outbox batch that holds its events. False when some other writer came
   * first: the caller computes again on fresh reads. Sent through the driver's collection: a re-rating writes a
   * thousand at a time, and the operations are built from typed values (`RatingsDocument`), so mongoose's casting
   * would only cost time.
   */
  async writeMany(writes: RatingWrite[], batches: RatingEventBatches): Promise<boolean> {
    if (writes.length === 0) return true;
    return writeAllOrConflict(this.model.collection, writes.map((w) => this.operation(w, batches)) as never);
  }

  /** Every document read, with the events it still waits for (none for most): the outbox learns which batches it saw whole. */
  pending(snapshots: Iterable<RatingsSnapshot>): DocumentEvents[] {
    return [...snapshots].map((s) => pendingEvents(this.model as never, [{ _id: s.uscc, outbox: s.outbox, outboxBatches: s.outboxBatches }])[0] ?? { model: this.model as never, id: s.uscc, events: [] });
  }

  documentEvents(writes: RatingWrite[]): DocumentEvents[] {
    return writes.map((w) => ({ model: this.model as never, id: w.snapshot.uscc, events: w.changes.map((c) => c.event) }));
  }

  private operation({ snapshot, regionCode, periods, withdrawals, changes }: RatingWrite, { staged, loaded }: RatingEventBatches) {
    const history = changes.map((c) => c.entry);
    // Batches already sent and deleted are forgotten; the one holding this write's events is named.
    const own = staged.batchOf.get(snapshot.uscc);
    const outboxBatches = [...snapshot.outboxBatches.filter((id) => loaded.has(id)), ...(own ? [own] : [])];
    if (snapshot.version === null) {
      const document: RatingsDocument = { _id: snapshot.uscc, version: 1, regionCode, periods, history, outbox: [], outboxBatches };
      return { insertOne: { document } };
    }
    // A period rated again is no longer withdrawn; a withdrawn one loses its rating.
    const set = Object.fromEntries([
      ...Object.entries(periods).map(([period, rating]) => [`periods.${period}`, rating]),
      ...Object.entries(withdrawals).map(([period, withdrawal]) => [`withdrawn.${period}`, withdrawal]),
    ]);
    const unset = Object.fromEntries([
      ...Object.keys(periods).filter((p) => snapshot.withdrawn[p]).map((p) => [`withdrawn.${p}`, '']),
      ...Object.keys(withdrawals).map((p) => [`periods.${p}`, '']),
    ]);
    return {
      updateOne: {
        filter: { _id: snapshot.uscc, version: snapshot.version },
        update: {
          $set: { ...set, regionCode, version: snapshot.version + 1, outboxBatches },
          ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
          ...(changes.length > 0 ? { $push: { history: { $each: history } } } : {}),
        },
      },
    };
  }
}
