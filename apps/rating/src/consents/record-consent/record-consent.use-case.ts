import { Injectable } from '@nestjs/common';
import { ConsentChanged } from '@gec/contracts';
import { ServiceRuntime } from '@gec/platform';
import { ConsentsRepository } from '../consents.repository';

@Injectable()
export class RecordConsentUseCase {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly runtime: ServiceRuntime,
  ) {}

  /**
   * Keeps the newest consent of an enterprise for a bank; a change older than the stored one (delivered late)
   * or the same change again is ignored, so a revocation can't be undone by a grant that predates it.
   */
  async execute(change: ConsentChanged): Promise<void> {
    const freshness = await this.consents.keepNewest(change);
    this.runtime.logger.info({ uscc: change.uscc, bankId: change.bankId, consentId: change.consentId, granted: change.granted, freshness }, 'consent recorded');
  }
}
