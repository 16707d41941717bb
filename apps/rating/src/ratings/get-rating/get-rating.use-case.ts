import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, ServiceRuntime } from '@gec/platform';
import { RatingConfig } from '../../rating.config';
import { ratingView } from '../rating-disclosure';
import { Rating } from '../rating';
import { RatingAccess } from '../rating-access';
import { RatingsRepository } from '../ratings.repository';

@Injectable()
export class GetRatingUseCase {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly access: RatingAccess,
    private readonly accessLog: AccessRecorder,
    private readonly runtime: ServiceRuntime<RatingConfig>,
  ) {}

  /** The rating of a period, or of the enterprise's latest rated period; to a caller without access it does not exist. */
  async execute(caller: Caller, uscc: string, period?: string): Promise<Rating> {
    const access = await this.access.grant(caller, uscc);
    const rating = access && (await this.ratings.findRating(access, period));
    if (!access || !rating) throw DomainError.notFound(period ? `Enterprise ${uscc} has no rating for ${period}.` : `Enterprise ${uscc} has no rating.`);
    await this.accessLog.record(access, `rating ${rating.period}`);
    return ratingView(rating, caller, this.runtime.config.DISCLOSURE_MIN_COHORT);
  }
}
