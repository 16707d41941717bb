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

