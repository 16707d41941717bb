// 6. Ratios between sections: how far the pipeline is from the broker, and the eligibility read from a bare probe.
import type { BenchRow, BenchSection } from './bench-context';
import type { PipelineJson } from './pipeline.bench';
import type { RawKafkaJson } from './raw-kafka.bench';
import type { ReadPathJson } from './read-path.bench';

export interface RatiosJson {
  pipelineVsKafka: Array<{ offeredRate: number; reportsPerSecond: number; kafkaConsumeMessagesPerSecond: number; ratio: number }>;
  eligibilityVsLive: { eligibilityRequestsPerSecond: number; liveRequestsPerSecond: number; fraction: number } | null;
}

/** Sections that failed are absent; their ratios are left out. */
export function ratios(kafka?: RawKafkaJson, pipeline?: PipelineJson, read?: ReadPathJson): BenchSection<RatiosJson> {
  const consume = kafka?.consume.messagesPerSecond ?? NaN;
  const pipelineVsKafka = (pipeline?.steps ?? []).map((s) => ({ offeredRate: s.offeredRate, reportsPerSecond: s.sustainedPerSecond, kafkaConsumeMessagesPerSecond: consume, ratio: s.sustainedPerSecond / consume }));
  const eligibilityVsLive = read ? { eligibilityRequestsPerSecond: read.eligibility.requestsPerSecond, liveRequestsPerSecond: read.live.requestsPerSecond, fraction: read.eligibility.requestsPerSecond / read.live.requestsPerSecond } : null;
  const rows: BenchRow[] = pipelineVsKafka.map((p) => ({
    comparison: `pipeline at ${p.offeredRate}/s offered vs raw Kafka consume`,
    measured: `${number(p.reportsPerSecond, 1)} reports/s`,
    reference: `${number(p.kafkaConsumeMessagesPerSecond, 0)} msgs/s`,
    ratio: percent(p.ratio),
  }));
  if (eligibilityVsLive) {
    rows.push({
      comparison: 'eligibility read vs /health/live (same finance process)',
      measured: `${number(eligibilityVsLive.eligibilityRequestsPerSecond, 0)} req/s`,
      reference: `${number(eligibilityVsLive.liveRequestsPerSecond, 0)} req/s`,
      ratio: percent(eligibilityVsLive.fraction),
    });
  }
  return { title: '6. Ratios', rows, json: { pipelineVsKafka, eligibilityVsLive } };
}

const number = (value: number, digits: number) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : '-');
const percent = (fraction: number) => (Number.isFinite(fraction) ? `${Number((fraction * 100).toPrecision(2))} %` : '-');
