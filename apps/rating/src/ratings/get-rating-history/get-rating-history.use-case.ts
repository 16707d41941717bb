import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { RatingHistory } from '../rating';
import { RatingsRepository } from '../ratings.repository';

@Injectable()
export class GetRatingHistoryUseCase {
  constructor(private readonly ratings: RatingsRepository) {}

  async execute(uscc: string): Promise<RatingHistory> {
    const history = await this.ratings.findHistory(uscc);
    if (!history) throw DomainError.notFound(`Enterprise ${uscc} has no rating.`);
    return { uscc, entries: [...history].reverse() };
  }
}
