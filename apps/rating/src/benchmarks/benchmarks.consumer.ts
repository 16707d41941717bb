import { BenchmarkUpdated, TOPICS } from '@gec/contracts';
import { Consumed, EventConsumer, OnEvents } from '@gec/platform';
import { RateOnBenchmarkUseCase } from './rate-on-benchmark/rate-on-benchmark.use-case';

@EventConsumer()
export class BenchmarksConsumer {
  constructor(private readonly rateOnBenchmark: RateOnBenchmarkUseCase) {}

  @OnEvents(TOPICS.benchmarkUpdated)
  handle(events: Consumed<BenchmarkUpdated>[]): Promise<void> {
    return this.rateOnBenchmark.execute(events);
  }
}
