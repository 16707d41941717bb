import { Schema } from 'mongoose';
import { EligibilityRule } from '@gec/domain';

/** One document per product; `_id` is the product id. */
export interface ProductDocument {
  _id: string;
  name: string;
  rule: EligibilityRule;
  seededAt: Date;
}

export const productSchema = new Schema<ProductDocument>(
  {
    _id: String,
    name: { type: String, required: true },
    rule: { type: Schema.Types.Mixed, required: true },
    seededAt: { type: Date, required: true },
  },
  { versionKey: false },
);
