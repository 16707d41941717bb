import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, DomainError, ZodPipe } from '@gec/platform';
import { z } from 'zod';
import { periodField } from '@gec/platform';
import { BenchmarksRepository } from '../../benchmarks/benchmarks.repository';
import { RatingQueue } from '../rating.queue';
import { RerateProgressRepository } from './rerate-progress.repository';

const reratingKeySchema = z.object({ industryDivision: z.string().regex(/^[A-T]\d{2}$/, 'a GB/T 4754 division, e.g. C26'), period: periodField });
type ReratingKey = z.infer<typeof reratingKeySchema>;

@ApiTags('rerating')
@Controller('v1/rerating')
export class ReratingController {
  constructor(
    private readonly progress: RerateProgressRepository,
    private readonly benchmarks: BenchmarksRepository,
    private readonly queue: RatingQueue,
  ) {}

  @Get(':industryDivision/:period')
  @Allow('admin')
  @ApiOperation({ summary: "Progress of an industry's latest re-rating: done/total, enterprises per second, ETA (administrators)" })
  @ApiProblems(400, 404)
  async get(@Param(new ZodPipe(reratingKeySchema)) key: ReratingKey) {
    const found = await this.progress.find(key);
    if (!found) throw DomainError.notFound(`No re-rating of ${key.industryDivision} in ${key.period} has run.`);
    return found;
  }

  @Post(':industryDivision/:period')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({ summary: 'Re-rates every member of an industry against its current benchmark, as a resumable job (administrators)' })
  @ApiProblems(400, 404)
  async start(@Param(new ZodPipe(reratingKeySchema)) key: ReratingKey) {
    const benchmark = await this.benchmarks.find(key);
    if (!benchmark) throw DomainError.notFound(`No benchmark of ${key.industryDivision} in ${key.period}.`);
    return { jobId: await this.queue.rerateNow(key.industryDivision, key.period, benchmark.version) };
  }
}
