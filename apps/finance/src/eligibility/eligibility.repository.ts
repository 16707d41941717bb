import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { EnterpriseAccess, isDuplicateKey, MongoConnection, Outbox, OutboxEntry, withinScope } from '@gec/platform';
import { Decision, DecisionHistoryEntry } from './decision';
import { EligibilityDocument, eligibilitySchema } from './eligibility.schema';

/** Decisions kept per enterprise and product; older ones stay in the published eligibility-changed events. */
export const DECISION_HISTORY_LIMIT = 100;

export interface StoredDecision {
  decision: Decision;
  version: number;
}

@Injectable()
export class EligibilityRepository {
  private readonly model: Model<EligibilityDocument>;

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
  ) {
    this.model = mongo.model('Eligibility', eligibilitySchema, 'eligibility');
  }

  /** For DecisionsReadModel: the collection decisions live in, whose changes it listens for. */
  get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /** For DecisionsReadModel: the id of the document holding an enterprise's decision for a product. */
  documentId(uscc: string, product: string): string {
    return decisionId(uscc, product);
  }

  /** For DecisionsReadModel, which applies the caller's scope: the decision in one document, whoever asks. */
  async findByDocumentId(id: string): Promise<Decision | null> {
    const doc = await this.model.findById(id, { outbox: 0, history: 0 }).lean();
    return doc ? toDecision(doc) : null;
  }

  /** The decision a caller may see (a regulator's only within its region). */
  async find(access: EnterpriseAccess, product: string): Promise<Decision | null> {
    const doc = await this.model.findById(decisionId(access.uscc, product), { outbox: 0, history: 0 }).lean();
    return doc && withinScope(access, doc.regionCode) ? toDecision(doc) : null;
  }

  /** The current decision with its version, for deciding anew on a rating event (no caller involved). */
  async findCurrent(uscc: string, product: string): Promise<StoredDecision | null> {
    const doc = await this.model.findById(decisionId(uscc, product), { outbox: 0, history: 0 }).lean();
    return doc ? { decision: toDecision(doc), version: doc.version } : null;
  }

  async findHistory(uscc: string, product: string): Promise<DecisionHistoryEntry[]> {
    const doc = await this.model.findById(decisionId(uscc, product), { history: 1 }).lean();
    return doc?.history ?? [];
  }

  /**
   * Writes a new decision with its history entry and event in one atomic write, if the stored one is still at
   * `expectedVersion` (null: no decision yet); false when another write came first. A re-affirmed decision
   * has no event.
   */
  async save(decision: Decision, entry: DecisionHistoryEntry, event: OutboxEntry | null, expectedVersion: number | null): Promise<boolean> {
    const events = event ? [event] : [];
    const id = decisionId(decision.uscc, decision.product);
    const fields = { ...decision, decidedAt: new Date(decision.decidedAt) };
    const record = { ...entry, decidedAt: new Date(entry.decidedAt) };
    return this.outbox.commit({ model: this.model as never, id }, async () => {
      if (expectedVersion === null) {
        try {
          await this.model.collection.insertOne({ _id: id, ...fields, version: 1, history: [record], outbox: events } as never);
          return true;
        } catch (error) {
          if (isDuplicateKey(error)) return false;
          throw error;
        }
      }
      const result = await this.model.updateOne(
        { _id: id, version: expectedVersion },
        {
          $set: { ...fields, version: expectedVersion + 1 },
          $push: { history: { $each: [record], $slice: -DECISION_HISTORY_LIMIT }, outbox: { $each: events } },
        },
      );
      return result.modifiedCount === 1;
    });
  }
}

function decisionId(uscc: string, product: string): string {
  return `${uscc}:${product}`;
}

function toDecision(doc: EligibilityDocument): Decision {
  return {
    uscc: doc.uscc,
    product: doc.product,
    ...(doc.regionCode ? { regionCode: doc.regionCode } : {}),
    eligible: doc.eligible,
    reasons: doc.reasons,
    conditionsMet: doc.conditionsMet,
    rating: doc.rating,
    decidedAt: doc.decidedAt.toISOString(),
    causingEventId: doc.causingEventId,
  };
}
