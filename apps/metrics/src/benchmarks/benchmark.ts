import { IndustryBenchmark } from '@gec/domain';

/** An industry benchmark as stored: the domain's benchmark and when it last changed. */
export interface Benchmark extends IndustryBenchmark {
  updatedAt: string;
}
