import { Injectable } from '@nestjs/common';
import { RetryableEventError, ServiceRuntime } from '@gec/platform';
import { DecideEligibilityUseCase } from '../../eligibility/decide-eligibility/decide-eligibility.use-case';
import { LatestRating } from '../latest-rating';
import { RatingsRepository } from '../ratings.repository';
import { supersedes } from './supersedes';

const MAX_ATTEMPTS = 5;

@Injectable()
export class RecordRatingUseCase {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly decideEligibility: DecideEligibilityUseCase,
    private readonly runtime: ServiceRuntime,
  ) {}

  /** Keeps the enterprise's latest-period rating and decides its eligibility on it; an older period's rating changes nothing. */
  async execute(incoming: LatestRating): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.ratings.find(incoming.uscc);
      // An older event carries no region: the enterprise keeps the one it was last reported in.
      const regionCode = incoming.regionCode ?? stored?.rating.regionCode;
      const rating: LatestRating = { ...incoming, ...(regionCode ? { regionCode } : {}) };
      if (stored && !supersedes(rating, stored.rating)) {
        this.runtime.logger.info({ uscc: rating.uscc, period: rating.period, latest: stored.rating.period }, 'rating of an older period ignored');
        return;
      }
      // The same event again (redelivered after a crash) skips the write but still decides, in case the crash came before that.
      const alreadyStored = stored?.rating.eventId === rating.eventId;
      if (!alreadyStored && !(await this.ratings.replace(rating, stored?.version ?? null))) continue;
      await this.decideEligibility.execute(rating);
      return;
    }
    throw new RetryableEventError(`The rating of ${incoming.uscc} is being changed concurrently.`);
  }
}
