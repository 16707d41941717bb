import { DataAccessed, EventEnvelope, TOPICS } from '@gec/contracts';
import { EventConsumer, OnEvent } from '@gec/platform';
import { RecordAccessUseCase } from './record-access/record-access.use-case';

@EventConsumer()
export class AccessLogConsumer {
  constructor(private readonly recordAccess: RecordAccessUseCase) {}

  @OnEvent(TOPICS.dataAccessed)
  handle(event: EventEnvelope<DataAccessed>): Promise<void> {
    return this.recordAccess.execute(event.payload);
  }
}
