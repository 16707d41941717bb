import { BenchmarkMemberFigures } from '@gec/contracts';

/** An enterprise's figures in its industry and period, as of the benchmark version that counted them. */
export interface Member extends BenchmarkMemberFigures {
  industryDivision: string;
  period: string;
  benchmarkVersion: number;
}
