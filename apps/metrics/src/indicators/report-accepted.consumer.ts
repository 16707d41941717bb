import { ReportAccepted, TOPICS } from '@gec/contracts';
import { Consumed, EventConsumer, OnEvents } from '@gec/platform';
import { ComputeIndicatorsUseCase } from './compute-indicators/compute-indicators.use-case';

@EventConsumer()
export class ReportAcceptedConsumer {
  constructor(private readonly computeIndicators: ComputeIndicatorsUseCase) {}

  @OnEvents(TOPICS.reportAccepted)
  handle(events: Consumed<ReportAccepted>[]): Promise<void> {
    return this.computeIndicators.execute(events);
  }
}
