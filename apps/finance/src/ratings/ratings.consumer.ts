import { RatingChanged, TOPICS } from '@gec/contracts';
import { Consumed, EventConsumer, OnEvents } from '@gec/platform';
import { RecordRatingUseCase } from './record-rating/record-rating.use-case';

@EventConsumer()
export class RatingsConsumer {
  constructor(private readonly recordRating: RecordRatingUseCase) {}

  @OnEvents(TOPICS.ratingChanged)
  handle(events: Consumed<RatingChanged>[]): Promise<void> {
    return this.recordRating.execute(
      events.map(({ eventId, correlationId, payload: { uscc, period, regionCode, grade, level, methodology, ratedAt } }) => ({
        uscc,
        period,
        grade,
        level,
        ...(regionCode ? { regionCode } : {}),
        methodologyId: methodology.id,
        methodologyVersion: methodology.version,
        ratedAt,
        eventId,
        correlationId,
      })),
    );
  }
}
