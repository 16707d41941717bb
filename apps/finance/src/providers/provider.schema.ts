import { Schema } from 'mongoose';

/** One document per data provider; `_id` is the provider id. */
export interface ProviderDocument {
  _id: string;
  name: string;
  kind: string;
  regionScope: string;
  figures: string[];
  createdAt: Date;
}

export const providerSchema = new Schema<ProviderDocument>(
  {
    _id: String,
    name: { type: String, required: true },
    kind: { type: String, required: true },
    regionScope: { type: String, required: true },
    figures: { type: [String], required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
