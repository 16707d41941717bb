import { BenchmarkUpdated, EventEnvelope, TOPICS } from '@gec/contracts';
import { EventConsumer, OnEvent } from '@gec/platform';
import { RecordBenchmarkUseCase } from './record-benchmark/record-benchmark.use-case';

@EventConsumer()
export class BenchmarksConsumer {
  constructor(private readonly recordBenchmark: RecordBenchmarkUseCase) {}

  @OnEvent(TOPICS.benchmarkUpdated)
  handle(event: EventEnvelope<BenchmarkUpdated>): Promise<void> {
    return this.recordBenchmark.execute(event.payload);
  }
}
