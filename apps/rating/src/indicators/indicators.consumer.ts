import { EventEnvelope, IndicatorsComputed, TOPICS } from '@gec/contracts';
import { EventConsumer, OnEvent } from '@gec/platform';
import { RecordIndicatorsUseCase } from './record-indicators/record-indicators.use-case';

@EventConsumer()
export class IndicatorsConsumer {
  constructor(private readonly recordIndicators: RecordIndicatorsUseCase) {}

  @OnEvent(TOPICS.indicatorsComputed)
  handle(event: EventEnvelope<IndicatorsComputed>): Promise<void> {
    return this.recordIndicators.execute(event.payload);
  }
}
