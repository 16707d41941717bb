import { Injectable } from '@nestjs/common';
import { Caller, EnterpriseAccess, grantAccess } from '@gec/platform';
import { ConsentsRepository } from '../consents/consents.repository';
import { usableConsentId } from '../consents/usable-consent';

/**
 * Who may read an enterprise's ratings: the enterprise itself, a bank holding its consent for the rating
 * (granted, with the 'rating' scope, not expired), a regulator (bounded by its region when the rating is read)
 * and an administrator. Null for anyone else.
 */
@Injectable()
export class RatingAccess {
  constructor(private readonly consents: ConsentsRepository) {}

  async grant(caller: Caller, uscc: string): Promise<EnterpriseAccess | null> {
    const consentId = caller.role === 'bank' && caller.bankId ? usableConsentId(await this.consents.find(uscc, caller.bankId), 'rating', new Date()) : null;
    return grantAccess(caller, uscc, ['self', 'consent', 'jurisdiction', 'admin'], consentId);
  }
}
