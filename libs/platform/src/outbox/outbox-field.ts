import { Schema } from 'mongoose';

/** The field an aggregate's schema declares to carry its not-yet-published events. */
export const outboxField = {
  type: [
    new Schema(
      { eventId: String, topic: String, key: String, value: String, headers: { type: Schema.Types.Mixed } },
      { _id: false },
    ),
  ],
  default: [],
};


/** The field naming the outbox batches that hold events for the document (see `OutboxBatch`); absent when none. */
export const outboxBatchesField = { type: [String], default: undefined };
