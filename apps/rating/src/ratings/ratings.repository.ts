import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { EnterpriseAccess, isDuplicateKey, MongoConnection, Outbox, OutboxEntry, withinScope } from '@gec/platform';
import { PeriodRating, Rating, RatingHistoryEntry } from './rating';
import { RatingsDocument, ratingsSchema } from './rating.schema';


/** What a writer read: the document's version (null when the enterprise has no rating yet), its region and the period's rating. */
export interface PeriodSnapshot {
  version: number | null;
  regionCode: string | null;
  current: PeriodRating | null;
}

/** Which rating a writer sets: an enterprise (in its region) and a period. */
export interface RatingTarget {
  uscc: string;
  period: string;
  regionCode: string;
}

/** A rating that changed: its history entry and its event go in the same write as the rating. */
export interface RatingChange {
  entry: RatingHistoryEntry;
  event: OutboxEntry;
}

@Injectable()
export class RatingsRepository {
  private readonly model: Model<RatingsDocument>;

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
  ) {
    this.model = mongo.model('Ratings', ratingsSchema, 'ratings');
  }

  /** For the rating worker, which writes on the platform's behalf and not for a caller. */
  async findPeriod(uscc: string, period: string): Promise<PeriodSnapshot> {
    const doc = await this.model.findById(uscc, { version: 1, regionCode: 1, [`periods.${period}`]: 1 }).lean();
    return { version: doc?.version ?? null, regionCode: doc?.regionCode ?? null, current: doc?.periods?.[period] ?? null };
  }

  /** The rating of a period, or of the latest rated period when none is given, if the access reaches it. */
  async findRating(access: EnterpriseAccess, period?: string): Promise<Rating | null> {
    const doc = await this.model.findById(access.uscc, { regionCode: 1, periods: 1 }).lean();
    if (!doc || !withinScope(access, doc.regionCode)) return null;
    const periods = doc.periods ?? {};
    const chosen = period ?? Object.keys(periods).sort().pop();
    const rating = chosen ? periods[chosen] : undefined;
    return chosen && rating ? { uscc: access.uscc, period: chosen, ...rating } : null;
  }

  /** Every change of the enterprise's rating, oldest first, if the access reaches it. */
  async findHistory(access: EnterpriseAccess): Promise<RatingHistoryEntry[] | null> {
    const doc = await this.model.findById(access.uscc, { regionCode: 1, history: 1 }).lean();
    return doc && withinScope(access, doc.regionCode) ? doc.history : null;
  }

  /**
   * Sets a period's rating (and the enterprise's region) if the document is still at the version the caller read;
   * false when another writer came first. With a change, the history entry and the event are written atomically with it.
   */
  write(target: RatingTarget, snapshot: PeriodSnapshot, rating: PeriodRating, change?: RatingChange): Promise<boolean> {
    const write = () => (snapshot.version === null ? this.insert(target, rating, change) : this.update(target, snapshot.version, rating, change));
    return change ? this.outbox.commit({ model: this.model as never, id: target.uscc }, write) : write();
  }

  private async insert({ uscc, period, regionCode }: RatingTarget, rating: PeriodRating, change?: RatingChange): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: uscc,
        version: 1,
        regionCode,
        periods: { [period]: rating },
        history: change ? [change.entry] : [],
        outbox: change ? [change.event] : [],
      } as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async update({ uscc, period, regionCode }: RatingTarget, version: number, rating: PeriodRating, change?: RatingChange): Promise<boolean> {
    const result = await this.model.collection.updateOne(
      { _id: uscc, version } as never,
      {
        $set: { [`periods.${period}`]: rating, regionCode, version: version + 1 },
        ...(change ? { $push: { history: change.entry, outbox: change.event } } : {}),
      } as never,
    );
    return result.modifiedCount === 1;
  }
}
