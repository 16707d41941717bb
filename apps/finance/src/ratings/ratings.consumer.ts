import { EventEnvelope, RatingChanged, TOPICS } from '@gec/contracts';
import { EventConsumer, OnEvent } from '@gec/platform';
import { RecordRatingUseCase } from './record-rating/record-rating.use-case';

@EventConsumer()
export class RatingsConsumer {
  constructor(private readonly recordRating: RecordRatingUseCase) {}

  @OnEvent(TOPICS.ratingChanged)
  handle(event: EventEnvelope<RatingChanged>): Promise<void> {
    const { uscc, period, regionCode, grade, level, methodology, ratedAt } = event.payload;
    return this.recordRating.execute({
      uscc,
      period,
      grade,
      level,
      ...(regionCode ? { regionCode } : {}),
      methodologyId: methodology.id,
      methodologyVersion: methodology.version,
      ratedAt,
      eventId: event.eventId,
    });
  }
}
