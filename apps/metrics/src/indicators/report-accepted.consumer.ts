import { EventEnvelope, ReportAccepted, TOPICS } from '@gec/contracts';
import { EventConsumer, OnEvent } from '@gec/platform';
import { ComputeIndicatorsUseCase } from './compute-indicators/compute-indicators.use-case';

@EventConsumer()
export class ReportAcceptedConsumer {
  constructor(private readonly computeIndicators: ComputeIndicatorsUseCase) {}

  @OnEvent(TOPICS.reportAccepted)
  handle(event: EventEnvelope<ReportAccepted>): Promise<void> {
    return this.computeIndicators.execute(event);
  }
}
