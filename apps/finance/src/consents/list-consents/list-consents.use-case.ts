import { Injectable } from '@nestjs/common';
import { consentInForce } from '@gec/domain';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { ConsentGrant, RevokedConsent } from '../consent';
import { consentTerms } from '../consent-terms';
import { ConsentsRepository } from '../consents.repository';

export interface ConsentsView {
  uscc: string;
  /** One grant per bank, newest first; `inForce` false once it expired. */
  grants: Array<ConsentGrant & { inForce: boolean }>;
  /** Revoked or replaced grants, most recently revoked first. */
  revoked: RevokedConsent[];
}

@Injectable()
export class ListConsentsUseCase {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly accessLog: AccessRecorder,
  ) {}

  /** The enterprise itself or an administrator; to anyone else the consents do not exist. */
  async execute(caller: Caller, uscc: string): Promise<ConsentsView> {
    const access = grantAccess(caller, uscc, ['self', 'admin']);
    if (!access) throw DomainError.notFound(`No consents of enterprise ${uscc}.`);
    const stored = await this.consents.find(access);
    await this.accessLog.record(access, 'consents');
    const now = new Date();
    const grants = (stored?.consents.grants ?? [])
      .map((grant) => ({ ...grant, inForce: grant.scopes.some((scope) => consentInForce(consentTerms(grant), scope, now)) }))
      .sort((a, b) => b.grantedAt.localeCompare(a.grantedAt));
    const revoked = [...(stored?.consents.revoked ?? [])].sort((a, b) => b.revokedAt.localeCompare(a.revokedAt));
    return { uscc, grants, revoked };
  }
}
