import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { MongoConnection, Outbox, OutboxEntry } from '@gec/platform';
import { PeriodRating, Rating, RatingHistoryEntry } from './rating';
import { RatingsDocument, ratingsSchema } from './rating.schema';

const DUPLICATE_KEY = 11000;

/** What a writer read: the document's version (null when the enterprise has no rating yet) and the period's rating. */
export interface PeriodSnapshot {
  version: number | null;
  current: PeriodRating | null;
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

  async findPeriod(uscc: string, period: string): Promise<PeriodSnapshot> {
    const doc = await this.model.findById(uscc, { version: 1, [`periods.${period}`]: 1 }).lean();
    return { version: doc?.version ?? null, current: doc?.periods?.[period] ?? null };
  }

  /** The rating of a period, or of the latest rated period when none is given. */
  async findRating(uscc: string, period?: string): Promise<Rating | null> {
    const doc = await this.model.findById(uscc, { periods: 1 }).lean();
    const periods = doc?.periods ?? {};
    const chosen = period ?? Object.keys(periods).sort().pop();
    const rating = chosen ? periods[chosen] : undefined;
    return chosen && rating ? { uscc, period: chosen, ...rating } : null;
  }

  async findHistory(uscc: string): Promise<RatingHistoryEntry[] | null> {
    const doc = await this.model.findById(uscc, { history: 1 }).lean();
    return doc ? doc.history : null;
  }

  /**
   * Sets a period's rating if the document is still at the version the caller read; false when another
   * writer came first. With a change, the history entry and the event are written atomically with it.
   */
  write(uscc: string, snapshot: PeriodSnapshot, period: string, rating: PeriodRating, change?: RatingChange): Promise<boolean> {
    const write = () => (snapshot.version === null ? this.insert(uscc, period, rating, change) : this.update(uscc, snapshot.version, period, rating, change));
    return change ? this.outbox.commit({ model: this.model as never, id: uscc }, write) : write();
  }

  private async insert(uscc: string, period: string, rating: PeriodRating, change?: RatingChange): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: uscc,
        version: 1,
        periods: { [period]: rating },
        history: change ? [change.entry] : [],
        outbox: change ? [change.event] : [],
      } as never);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  private async update(uscc: string, version: number, period: string, rating: PeriodRating, change?: RatingChange): Promise<boolean> {
    const result = await this.model.collection.updateOne(
      { _id: uscc, version } as never,
      {
        $set: { [`periods.${period}`]: rating, version: version + 1 },
        ...(change ? { $push: { history: change.entry, outbox: change.event } } : {}),
      } as never,
    );
    return result.modifiedCount === 1;
  }
}
