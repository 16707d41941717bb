import { Injectable } from '@nestjs/common';
import { CohortsRepository } from '../../cohorts/cohorts.repository';
import { RatingQueue, RerateIndustryJob } from '../rating.queue';

@Injectable()
export class RerateIndustryUseCase {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly queue: RatingQueue,
  ) {}

  /** One rate-enterprise job per member known now; members joining later are rated by their own indicators. */
  async execute(input: RerateIndustryJob): Promise<number> {
    const members = await this.cohorts.members(input.industryDivision, input.period);
    await Promise.all(members.map((uscc) => this.queue.rateEnterprise({ uscc, period: input.period, benchmarkVersion: input.benchmarkVersion })));
    return members.length;
  }
}
