import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { pipelineKeys } from '@gec/platform';
import { BenchmarksRepository } from '../../benchmarks/benchmarks.repository';
import { MembersRepository } from '../../members/members.repository';
import { MemberRater } from '../rate-members/member-rater';
import { RerateIndustryJob } from '../rating.queue';
import { RerateProgressRepository } from './rerate-progress.repository';

const CHUNK = 1000;

/**
 * Re-rates every member of an industry against its current benchmark, a chunk at a time: each chunk is one read of
 * the members' figures, one of their ratings, one insert of its events' outbox batch, one write, one send and one
 * delete of the batch (see MemberRater). The job's data keeps the cursor, so a job
 * retried after a worker died goes on from the last chunk done; redoing a chunk changes nothing (a rating that
 * already rests on this benchmark version is left alone).
 */
@Injectable()
export class RerateIndustryUseCase {
  constructor(
    private readonly benchmarks: BenchmarksRepository,
    private readonly members: MembersRepository,
    private readonly rater: MemberRater,
    private readonly progress: RerateProgressRepository,
  ) {}

  async execute(job: Job<RerateIndustryJob>): Promise<number> {
    const key = { industryDivision: job.data.industryDivision, period: job.data.period };
    const benchmark = await this.benchmarks.find(key);
    if (!benchmark) return 0;
    const usccs = await this.members.cohort(key);
    const from = job.data.cursor ?? 0;
    const startedAt = new Date();
    const report = (done: number, state: 'running' | 'done') => {
      const seconds = Math.max(0.001, (Date.now() - startedAt.getTime()) / 1000);
      const ratePerSecond = Math.round((done - from) / seconds);
      return this.progress.save({
        ...key,
        jobId: job.id ?? '',
        benchmarkVersion: benchmark.version,
        state,
        total: usccs.length,
        done,
        ratePerSecond,
        etaSeconds: state === 'done' ? 0 : ratePerSecond > 0 ? Math.round((usccs.length - done) / ratePerSecond) : null,
        startedAt: startedAt.toISOString(),
        updatedAt: new Date().toISOString(),
      });
    };
    await report(from, 'running');
    const target = { industryDivision: key.industryDivision, period: key.period, version: benchmark.version, carbonIntensity: benchmark.carbonIntensity, enterpriseCount: benchmark.enterpriseCount };
    // The next chunk's figures are read while this one is rated and written, and this chunk's events are sent while
    // the next one is: the cursor moves past a chunk only once its events are sent and the chunks before it are done.
    const read = (cursor: number) => (cursor < usccs.length ? this.members.findMany(key, pipelineKeys(usccs.slice(cursor, cursor + CHUNK))) : Promise.resolve([]));
    let next = read(from);
    let sending: Promise<void> = Promise.resolve();
    for (let cursor = from; cursor < usccs.length; cursor += CHUNK) {
      const figures = await next;
      next = read(cursor + CHUNK);
      next.catch(() => undefined);
      const { published } = await this.rater.rateAndSend(figures.map((member) => ({ benchmark: target, member })));
      await sending;
      const done = Math.min(cursor + CHUNK, usccs.length);
      sending = published.then(async () => {
        await job.updateData({ ...job.data, cursor: done });
        await report(done, done === usccs.length ? 'done' : 'running');
      });
      sending.catch(() => undefined);
    }
    await sending;
    if (usccs.length === 0) await report(0, 'done');
    return usccs.length;
  }
}
