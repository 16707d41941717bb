import { DataAccessed, TOPICS } from '@gec/contracts';
import { Consumed, EventConsumer, OnEvents } from '@gec/platform';
import { RecordAccessUseCase } from './record-access/record-access.use-case';

@EventConsumer()
export class AccessLogConsumer {
  constructor(private readonly recordAccess: RecordAccessUseCase) {}

  @OnEvents(TOPICS.dataAccessed)
  async handle(events: Consumed<DataAccessed>[]): Promise<void> {
    await this.recordAccess.execute(events.map((e) => e.payload));
  }
}
