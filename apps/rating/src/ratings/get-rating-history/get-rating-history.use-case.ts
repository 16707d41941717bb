import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, ServiceRuntime } from '@gec/platform';
import { RatingConfig } from '../../rating.config';
import { historyEntryView } from '../rating-disclosure';
import { RatingHistory } from '../rating';
import { RatingAccess } from '../rating-access';
import { RatingsRepository } from '../ratings.repository';

@Injectable()
export class GetRatingHistoryUseCase {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly access: RatingAccess,
    private readonly accessLog: AccessRecorder,
    private readonly runtime: ServiceRuntime<RatingConfig>,
  ) {}

  /** Every change of the enterprise's rating, newest first; to a caller without access it does not exist. */
  async execute(caller: Caller, uscc: string): Promise<RatingHistory> {
    const access = await this.access.grant(caller, uscc);
    const history = access && (await this.ratings.findHistory(access));
    if (!access || !history) throw DomainError.notFound(`Enterprise ${uscc} has no rating.`);
    await this.accessLog.record(access, 'rating history');
    return { uscc, entries: [...history].reverse().map((e) => historyEntryView(e, caller, this.runtime.config.DISCLOSURE_MIN_COHORT)) };
  }
}
