import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { MongoConnection } from '@gec/platform';
import { CohortDocument, cohortSchema } from './cohort.schema';

/**
 * Who is in an industry for a period, kept as one document per division and period
 * so a re-rating reads it by `_id` instead of scanning the indicators.
 */
@Injectable()
export class CohortsRepository {
  private readonly model: Model<CohortDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Cohort', cohortSchema, 'cohorts');
  }

  async join(industryDivision: string, period: string, uscc: string): Promise<void> {
    await this.model.updateOne(
      { _id: cohortId(industryDivision, period) },
      { $setOnInsert: { industryDivision, period }, $addToSet: { members: uscc } },
      { upsert: true },
    );
  }

  async members(industryDivision: string, period: string): Promise<string[]> {
    const doc = await this.model.findById(cohortId(industryDivision, period), { members: 1 }).lean();
    return doc?.members ?? [];
  }
}

function cohortId(industryDivision: string, period: string): string {
  return `${industryDivision}:${period}`;
}
