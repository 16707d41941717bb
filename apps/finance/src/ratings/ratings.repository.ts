import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { writeAllOrConflict, findByIds, MongoConnection, PipelineKeys } from '@gec/platform';
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

  async findMany(scope: PipelineKeys<string>): Promise<Map<string, StoredRating>> {
    const docs = scope.keys.length === 0 ? [] : await findByIds<LatestRatingDocument>(this.model as never, [...scope.keys]);
    return new Map(docs.map((d) => [d._id, { rating: toRating(d), version: d.version }]));
  }

  /**
   * Replaces each stored rating if it is still at the version read (none stored: inserted), in one bulk write;
   * false when another write came first.
   */
  async replaceMany(writes: Array<{ rating: LatestRating; expectedVersion: number | null }>): Promise<boolean> {
    if (writes.length === 0) return true;
    const operations = writes.map(({ rating, expectedVersion }) => {
      const { uscc, ratedAt, correlationId: _correlationId, ...rest } = rating;
      const fields = { ...rest, ratedAt: new Date(ratedAt) };
      // A withdrawal drops the grade; a rating after it is no longer withdrawn.
      const unset = 'withdrawn' in rest ? { grade: '', level: '', methodologyId: '', methodologyVersion: '' } : { withdrawn: '' };
      return expectedVersion === null
        ? { insertOne: { document: { _id: uscc, ...fields, version: 1 } } }
        : { updateOne: { filter: { _id: uscc, version: expectedVersion }, update: { $set: { ...fields, version: expectedVersion + 1 }, $unset: unset } } };
    });
    return writeAllOrConflict(this.model as never, operations as never);
  }
}

function toRating(doc: LatestRatingDocument): LatestRating {
  const region = doc.regionCode ? { regionCode: doc.regionCode } : {};
  if (doc.withdrawn) return { uscc: doc._id, period: doc.period, withdrawn: true, ...region, ratedAt: doc.ratedAt.toISOString(), eventId: doc.eventId };
  return {
    uscc: doc._id,
    period: doc.period,
    grade: doc.grade!,
    level: doc.level!,
    ...region,
    methodologyId: doc.methodologyId!,
    methodologyVersion: doc.methodologyVersion!,
    ratedAt: doc.ratedAt.toISOString(),
    eventId: doc.eventId,
  };
}
