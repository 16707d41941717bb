import { EnterpriseRegistered, EventEnvelope, TOPICS } from '@gec/contracts';
import { EventConsumer, OnEvent } from '@gec/platform';
import { RecordEnterpriseUseCase } from './record-enterprise/record-enterprise.use-case';

@EventConsumer()
export class EnterprisesConsumer {
  constructor(private readonly recordEnterprise: RecordEnterpriseUseCase) {}

  @OnEvent(TOPICS.enterpriseRegistered)
  handle(event: EventEnvelope<EnterpriseRegistered>): Promise<void> {
    return this.recordEnterprise.execute(event.payload);
  }
}
