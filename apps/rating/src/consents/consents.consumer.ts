import { ConsentChanged, TOPICS } from '@gec/contracts';
import { Consumed, EventConsumer, OnEvents } from '@gec/platform';
import { RecordConsentUseCase } from './record-consent/record-consent.use-case';

@EventConsumer()
export class ConsentsConsumer {
  constructor(private readonly recordConsent: RecordConsentUseCase) {}

  /** Consent changes are few: one conditional write each, in order. */
  @OnEvents(TOPICS.consentChanged)
  async handle(events: Consumed<ConsentChanged>[]): Promise<void> {
    for (const event of events) await this.recordConsent.execute(event.payload);
  }
}
