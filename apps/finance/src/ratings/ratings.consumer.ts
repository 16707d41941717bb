import { isRatingWithdrawn, RatingChanged, TOPICS } from '@gec/contracts';
import { Consumed, EventConsumer, OnEvents } from '@gec/platform';
import { RecordRatingUseCase } from './record-rating/record-rating.use-case';

@EventConsumer()
export class RatingsConsumer {
  constructor(private readonly recordRating: RecordRatingUseCase) {}

  @OnEvents(TOPICS.ratingChanged)
  handle(events: Consumed<RatingChanged>[]): Promise<void> {
    return this.recordRating.execute(
      events.map(({ eventId, correlationId, payload }) => {
        const { uscc, period, regionCode, ratedAt } = payload;
        const region = regionCode ? { regionCode } : {};
        if (isRatingWithdrawn(payload)) return { uscc, period, withdrawn: true as const, ...region, ratedAt, eventId, correlationId };
        const { grade, level, methodology } = payload;
        return { uscc, period, grade, level, ...region, methodologyId: methodology.id, methodologyVersion: methodology.version, ratedAt, eventId, correlationId };
      }),
    );
  }
}
