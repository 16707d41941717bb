import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { admit, Admitted, writeAllOrConflict, findByIds, DocumentEvents, EnterpriseAccess, MongoConnection, OutboxEntry, pendingEvents, PipelineKeys } from '@gec/platform';
import { Decision, DecisionHistoryEntry } from './decision';
import { EligibilityDocument, eligibilitySchema } from './eligibility.schema';

/** Decisions kept per enterprise and product; older ones stay in the published eligibility-changed events. */
export const DECISION_HISTORY_LIMIT = 100;

export interface StoredDecision {
  decision: Decision;
  version: number;
  outbox: OutboxEntry[];
}

/** A new decision with its history entry and (unless only re-affirmed) its event, over the version it was decided on. */
export interface DecisionWrite {
  decision: Decision;
  entry: DecisionHistoryEntry;
  event: OutboxEntry | null;
  expectedVersion: number | null;
}

@Injectable()
export class EligibilityRepository {
  private readonly model: Model<EligibilityDocument>;

  constructor(mongo: MongoConnection) {
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
  async find(access: EnterpriseAccess, product: string): Promise<Admitted<Decision> | null> {
    const doc = await this.model.findById(decisionId(access.uscc, product), { outbox: 0, history: 0 }).lean();
    return doc && admit(access, doc.regionCode, toDecision(doc));
  }

  /** The current decisions of these enterprises for these products, with their versions, in one read (event path, no caller). */
  async findCurrent(scope: PipelineKeys<{ uscc: string; product: string }>): Promise<Map<string, StoredDecision>> {
    const docs = scope.keys.length === 0 ? [] : await findByIds<EligibilityDocument>(this.model as never, scope.keys.map((k) => decisionId(k.uscc, k.product)), { history: 0 });
    return new Map(docs.map((d) => [d._id, { decision: toDecision(d), version: d.version, outbox: d.outbox ?? [] }]));
  }

  /** Every decision the caller may see for a product, oldest first (a regulator's only within its region). */
  async findHistory(access: EnterpriseAccess, product: string): Promise<Admitted<DecisionHistoryEntry[]> | null> {
    const doc = await this.model.findById(decisionId(access.uscc, product), { history: 1, regionCode: 1 }).lean();
    return doc && admit(access, doc.regionCode, doc.history ?? []);
  }

  /**
   * Writes decisions with their history entries and events in one bulk write, each over the version it was decided
   * on; false when another write came first (the caller decides again on fresh reads).
   */
  async saveMany(writes: DecisionWrite[]): Promise<boolean> {
    if (writes.length === 0) return true;
    const operations = writes.map(({ decision, entry, event, expectedVersion }) => {
      const id = decisionId(decision.uscc, decision.product);
      const fields = { ...decision, decidedAt: new Date(decision.decidedAt) };
      const record = { ...entry, decidedAt: new Date(entry.decidedAt) };
      const events = event ? [event] : [];
      return expectedVersion === null
        ? { insertOne: { document: { _id: id, ...fields, version: 1, history: [record], outbox: events } } }
        : {
            updateOne: {
              filter: { _id: id, version: expectedVersion },
              update: { $set: { ...fields, version: expectedVersion + 1 }, $push: { history: { $each: [record], $slice: -DECISION_HISTORY_LIMIT }, outbox: { $each: events } } },
            },
          };
    });
    return writeAllOrConflict(this.model as never, operations as never);
  }

  pending(stored: Map<string, StoredDecision>): DocumentEvents[] {
    return pendingEvents(this.model as never, [...stored].map(([_id, s]) => ({ _id, outbox: s.outbox })));
  }

  documentEvents(writes: DecisionWrite[]): DocumentEvents[] {
    return writes.flatMap((w) => (w.event ? [{ model: this.model as never, id: decisionId(w.decision.uscc, w.decision.product), events: [w.event] }] : []));
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
