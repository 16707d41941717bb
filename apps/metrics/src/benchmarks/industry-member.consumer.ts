import { IndustryMember, TOPICS } from '@gec/contracts';
import { Consumed, EventConsumer, OnEvents } from '@gec/platform';
import { UpdateBenchmarkUseCase } from './update-benchmark/update-benchmark.use-case';

@EventConsumer()
export class IndustryMemberConsumer {
  constructor(private readonly updateBenchmark: UpdateBenchmarkUseCase) {}

  @OnEvents(TOPICS.industryMember)
  handle(events: Consumed<IndustryMember>[]): Promise<void> {
    return this.updateBenchmark.execute(events);
  }
}
