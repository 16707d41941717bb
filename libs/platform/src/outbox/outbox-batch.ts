import { OutboxEntry } from './outbox-entry';

/** The collection holding batches; a service's documents name the batches holding their events in `outboxBatches`. */
export const OUTBOX_BATCHES_COLLECTION = 'outbox_batches';

/** Most events one batch document holds (about 1 KB each, far below a document's 16 MB). */
export const OUTBOX_BATCH_MAX_EVENTS = 2000;

/**
 * Events of one unit of work kept in one document instead of in each document they announce: written before the
 * state, and named by each state document in the same atomic write as its state (`outboxBatches`). An event is
 * sent only for a document that names its batch, so a batch whose state write never applied publishes nothing.
 */
export interface OutboxBatch {
  _id: string;
  /** The collection of the documents it announces (one per batch). */
  collectionName: string;
  createdAt: Date;
  events: Array<OutboxEntry & { docId: string }>;
}

/** What a writer stages: the batches it inserted, and for each document the batch holding its events. */
export interface StagedBatches {
  batches: OutboxBatch[];
  batchOf: Map<string, string>;
}

/** Splits events by document into batches of at most `max` events, never splitting one document's events. */
export function splitIntoBatches(collectionName: string, byDocument: Array<{ docId: string; events: OutboxEntry[] }>, newId: () => string, max = OUTBOX_BATCH_MAX_EVENTS): StagedBatches {
  const batches: OutboxBatch[] = [];
  const batchOf = new Map<string, string>();
  let current: OutboxBatch | undefined;
  for (const { docId, events } of byDocument) {
    if (events.length === 0) continue;
    if (!current || (current.events.length > 0 && current.events.length + events.length > max)) {
      current = { _id: newId(), collectionName, createdAt: new Date(), events: [] };
      batches.push(current);
    }
    for (const event of events) current.events.push({ ...event, docId });
    batchOf.set(docId, current._id);
  }
  return { batches, batchOf };
}
