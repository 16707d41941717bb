import { Injectable } from '@nestjs/common';
import { consentInForce, ConsentTerms } from '@gec/domain';
import { Caller, ReadModelCache, ReadModelChanges, ServiceRuntime } from '@gec/platform';
import { ConsentScope } from './consent';
import { consentTerms } from './consent-terms';
import { ConsentsRepository } from './consents.repository';

/** Enterprises whose grants are kept in memory (least recently read dropped first). */
const CAPACITY = 50_000;

interface KeptGrant {
  consentId: string;
  terms: ConsentTerms<ConsentScope>;
}

/**
 * The grants banks read under, kept in memory per enterprise and forgotten as soon as the enterprise's consents
 * change: in this process at once (a revocation stops the bank's next read), in other replicas within
 * READ_MODEL_STALE_MS (see ReadModelChanges). Whether a grant is in force is decided on every read, against the
 * clock, by the domain's rule: an expiring consent stops access at its expiry, whatever is kept.
 */
@Injectable()
export class ConsentsReadModel {
  private readonly grants: ReadModelCache<Map<string, KeptGrant>>;

  constructor(consents: ConsentsRepository, changes: ReadModelChanges, runtime: ServiceRuntime) {
    this.grants = new ReadModelCache({
      collection: consents.collectionName,
      load: async (uscc) => new Map((await consents.grantsOf(uscc)).map((g) => [g.bankId, { consentId: g.consentId, terms: consentTerms(g) }])),
      changes,
      capacity: CAPACITY,
      maxAgeMs: runtime.config.READ_MODEL_MAX_AGE_MS,
    });
  }

  /**
   * The consent by which a bank caller may read `scope` data of enterprise `uscc` at `at`: a grant to the caller's
   * own bank, in force (including that scope, not expired). Null for any other caller.
   */
  async consentIdFor(caller: Caller, uscc: string, scope: ConsentScope, at = new Date()): Promise<string | null> {
    if (caller.role !== 'bank' || !caller.bankId) return null;
    const grant = (await this.grants.get(uscc)).get(caller.bankId);
    return grant && consentInForce(grant.terms, scope, at) ? grant.consentId : null;
  }
}
