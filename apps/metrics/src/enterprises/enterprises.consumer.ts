import { EnterpriseRegistered, TOPICS } from '@gec/contracts';
import { Consumed, EventConsumer, OnEvents } from '@gec/platform';
import { RecordEnterpriseUseCase } from './record-enterprise/record-enterprise.use-case';

@EventConsumer()
export class EnterprisesConsumer {
  constructor(private readonly recordEnterprise: RecordEnterpriseUseCase) {}

  @OnEvents(TOPICS.enterpriseRegistered)
  handle(events: Consumed<EnterpriseRegistered>[]): Promise<void> {
    return this.recordEnterprise.execute(events.map((e) => e.payload));
  }
}
