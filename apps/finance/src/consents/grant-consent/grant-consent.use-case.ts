import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { Caller, DomainError, EventFactory, grantAccess, newId } from '@gec/platform';
import { BanksRepository } from '../../banks/banks.repository';
import { ConsentGrant } from '../consent';
import { consentChanged } from '../consent-changed';
import { ConsentsRepository } from '../consents.repository';
import { GrantConsentCommand } from './grant-consent.dto';

const MAX_ATTEMPTS = 5;

export interface GrantedConsent extends ConsentGrant {
  uscc: string;
}

@Injectable()
export class GrantConsentUseCase {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly banks: BanksRepository,
    private readonly events: EventFactory,
  ) {}

  /** The enterprise itself grants a bank access; granting again replaces the bank's grant with a new consent id. */
  async execute(caller: Caller, uscc: string, command: GrantConsentCommand): Promise<GrantedConsent> {
    const access = grantAccess(caller, uscc, ['self']);
    if (!access) throw DomainError.notFound(`No consents of enterprise ${uscc}.`);
    if (!(await this.banks.find(command.bankId))) {
      throw DomainError.validation([{ field: 'bankId', reason: `no bank '${command.bankId}' is on the platform` }]);
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.consents.find(access);
      const now = new Date().toISOString();
      const grant: ConsentGrant = { bankId: command.bankId, consentId: newId(), scopes: command.scopes, grantedAt: now, expiresAt: command.expiresAt ?? null };
      const previous = stored?.consents.grants.find((g) => g.bankId === grant.bankId);
      const replaced = previous ? { ...previous, revokedAt: now, replacedBy: grant.consentId } : null;
      const event = this.events.create(TOPICS.consentChanged, consentChanged(uscc, grant, true, now));
      if (await this.consents.grant(access, grant, replaced, event, stored?.version ?? null)) return { uscc, ...grant };
    }
    throw DomainError.conflict(`The consents of ${uscc} are being changed concurrently; try again.`);
  }
}
