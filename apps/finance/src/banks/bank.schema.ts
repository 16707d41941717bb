import { Schema } from 'mongoose';

/** One document per bank; `_id` is the bank id. */
export interface BankDocument {
  _id: string;
  name: string;
  createdAt: Date;
}

export const bankSchema = new Schema<BankDocument>(
  {
    _id: String,
    name: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
