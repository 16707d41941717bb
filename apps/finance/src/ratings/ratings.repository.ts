import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { isDuplicateKey, MongoConnection } from '@gec/platform';
import { LatestRating } from './latest-rating';
import { LatestRatingDocument, latestRatingSchema } from './latest-rating.schema';


export interface StoredRating {
  rating: LatestRating;
  version: number;
}

@Injectable()
export class RatingsRepository {
  private readonly model: Model<LatestRatingDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('LatestRating', latestRatingSchema, 'ratings');
  }

  async find(uscc: string): Promise<StoredRating | null> {
    const doc = await this.model.findById(uscc).lean();
    return doc ? { rating: toRating(doc), version: doc.version } : null;
  }

  /** Replaces the stored rating if it is still at `expectedVersion` (null: none stored yet); false when another write came first. */
  async replace(rating: LatestRating, expectedVersion: number | null): Promise<boolean> {
    const { uscc, ratedAt, ...rest } = rating;
    const fields = { ...rest, ratedAt: new Date(ratedAt) };
    if (expectedVersion === null) {
      try {
        await this.model.collection.insertOne({ _id: uscc, ...fields, version: 1 } as never);
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const result = await this.model.updateOne({ _id: uscc, version: expectedVersion }, { $set: { ...fields, version: expectedVersion + 1 } });
    return result.modifiedCount === 1;
  }
}

function toRating(doc: LatestRatingDocument): LatestRating {
  return {
    uscc: doc._id,
    period: doc.period,
    grade: doc.grade,
    level: doc.level,
    ...(doc.regionCode ? { regionCode: doc.regionCode } : {}),
    methodologyId: doc.methodologyId,
    methodologyVersion: doc.methodologyVersion,
    ratedAt: doc.ratedAt.toISOString(),
    eventId: doc.eventId,
  };
}
