import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { Caller, DomainError, EventFactory, grantAccess } from '@gec/platform';
import { consentChanged } from '../consent-changed';
import { ConsentsRepository } from '../consents.repository';

const MAX_ATTEMPTS = 5;

@Injectable()
export class RevokeConsentUseCase {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly events: EventFactory,
  ) {}

  /** The enterprise itself revokes a bank's grant (expired or not); it stays in the revoked history. */
  async execute(caller: Caller, uscc: string, bankId: string): Promise<void> {
    const noGrant = () => DomainError.notFound(`Enterprise ${uscc} has no consent for bank '${bankId}' to revoke.`);
    const access = grantAccess(caller, uscc, ['self']);
    if (!access) throw noGrant();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.consents.find(access);
      const grant = stored?.consents.grants.find((g) => g.bankId === bankId);
      if (!stored || !grant) throw noGrant();
      const now = new Date().toISOString();
      const event = this.events.create(TOPICS.consentChanged, consentChanged(uscc, grant, false, now));
      if (await this.consents.revoke(access, { ...grant, revokedAt: now, replacedBy: null }, event, stored.version)) return;
    }
    throw DomainError.conflict(`The consents of ${uscc} are being changed concurrently; try again.`);
  }
}
