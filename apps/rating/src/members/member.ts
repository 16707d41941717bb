import { BenchmarkMemberFigures, WithdrawnMember } from '@gec/contracts';

interface InBenchmark {
  industryDivision: string;
  period: string;
  benchmarkVersion: number;
}

/** An enterprise's figures in its industry and period, as of the benchmark version that counted them. */
export interface RatedMember extends BenchmarkMemberFigures, InBenchmark {}

/** An enterprise whose report for the period was withdrawn, as of the benchmark version that stopped counting it. */
export interface WithdrawnMemberRecord extends WithdrawnMember, InBenchmark {}

export type Member = RatedMember | WithdrawnMemberRecord;

export function isWithdrawnMember(member: Member): member is WithdrawnMemberRecord {
  return 'withdrawn' in member && member.withdrawn === true;
}
