import { Injectable } from '@nestjs/common';
import { pipelineKeys, RetryableEventError } from '@gec/platform';
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
  ) {}

  /**
   * Keeps each enterprise's latest-period rating and decides its eligibility on it; an older period's rating changes
   * nothing. A rating already stored (a redelivered batch) is decided again, in case a crash came before that.
   */
  async execute(incoming: LatestRating[]): Promise<void> {
    const newest = new Map<string, LatestRating>();
    for (const rating of incoming) {
      const known = newest.get(rating.uscc);
      if (!known || supersedes(rating, known)) newest.set(rating.uscc, rating);
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.ratings.findMany(pipelineKeys([...newest.keys()]));
      const toDecide: LatestRating[] = [];
      const writes: Array<{ rating: LatestRating; expectedVersion: number | null }> = [];
      for (const candidate of newest.values()) {
        const before = stored.get(candidate.uscc);
        // An older event carries no region: the enterprise keeps the one it was last reported in.
        const regionCode = candidate.regionCode ?? before?.rating.regionCode;
        const rating: LatestRating = { ...candidate, ...(regionCode ? { regionCode } : {}) };
        if (before && !supersedes(rating, before.rating)) continue;
        if (before?.rating.eventId !== rating.eventId) writes.push({ rating, expectedVersion: before?.version ?? null });
        toDecide.push(rating);
      }
      if (!(await this.ratings.replaceMany(writes))) continue;
      await this.decideEligibility.execute(toDecide);
      return;
    }
    throw new RetryableEventError('ratings kept being changed concurrently');
  }
}
