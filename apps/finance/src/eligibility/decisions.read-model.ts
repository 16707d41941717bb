import { Injectable } from '@nestjs/common';
import { admit, Admitted, EnterpriseAccess, ReadModelCache, ReadModelChanges, ServiceRuntime } from '@gec/platform';
import { Decision } from './decision';
import { EligibilityRepository } from './eligibility.repository';

/** Decisions (enterprise and product) kept in memory, the least recently read dropped first. */
const CAPACITY = 50_000;

/**
 * The current decisions as callers read them, kept in memory and forgotten as soon as their document is written,
 * by whichever code writes it (ReadModelChanges hears the database commands): a new decision is visible at once in
 * the process that wrote it, and in other replicas within READ_MODEL_STALE_MS. Absence is kept too, and forgotten
 * when the first decision is written.
 */
@Injectable()
export class DecisionsReadModel {
  private readonly decisions: ReadModelCache<Decision | null>;

  constructor(
    private readonly repository: EligibilityRepository,
    changes: ReadModelChanges,
    runtime: ServiceRuntime,
  ) {
    this.decisions = new ReadModelCache({
      collection: repository.collectionName,
      load: (id) => repository.findByDocumentId(id),
      changes,
      capacity: CAPACITY,
      maxAgeMs: runtime.config.READ_MODEL_MAX_AGE_MS,
    });
  }

  /** The decision a caller may see (a regulator's only within its region). */
  async find(access: EnterpriseAccess, product: string): Promise<Admitted<Decision> | null> {
    const decision = await this.decisions.get(this.repository.documentId(access.uscc, product));
    return decision && admit(access, decision.regionCode, decision);
  }
}
