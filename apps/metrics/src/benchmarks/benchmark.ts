import { BenchmarkFigures, BenchmarkTotals } from '@gec/domain';

/** An industry benchmark as stored: its exact totals, the figures derived from them, and when it last changed. */
export interface Benchmark extends BenchmarkTotals, BenchmarkFigures {
  industryDivision: string;
  period: string;
  updatedAt: string;
}
