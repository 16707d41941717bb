import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { Rating } from '../rating';
import { RatingsRepository } from '../ratings.repository';

@Injectable()
export class GetRatingUseCase {
  constructor(private readonly ratings: RatingsRepository) {}

  /** The rating of a period, or of the enterprise's latest rated period. */
  async execute(uscc: string, period?: string): Promise<Rating> {
    const rating = await this.ratings.findRating(uscc, period);
    if (!rating) throw DomainError.notFound(period ? `Enterprise ${uscc} has no rating for ${period}.` : `Enterprise ${uscc} has no rating.`);
    return rating;
  }
}
