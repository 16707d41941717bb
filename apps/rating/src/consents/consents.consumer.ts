import { ConsentChanged, EventEnvelope, TOPICS } from '@gec/contracts';
import { EventConsumer, OnEvent } from '@gec/platform';
import { RecordConsentUseCase } from './record-consent/record-consent.use-case';

@EventConsumer()
export class ConsentsConsumer {
  constructor(private readonly recordConsent: RecordConsentUseCase) {}

  @OnEvent(TOPICS.consentChanged)
  handle(event: EventEnvelope<ConsentChanged>): Promise<void> {
    return this.recordConsent.execute(event.payload);
  }
}
