import { Schema } from 'mongoose';

/** Read model fed by intake's enterprise-registered events; `_id` is the unified social credit code. */
export interface EnterpriseDocument {
  _id: string;
  industryCode: string;
  industryDivision: string;
  regionCode: string;
  registeredAt: Date;
}

export const enterpriseSchema = new Schema<EnterpriseDocument>(
  {
    _id: String,
    industryCode: { type: String, required: true },
    industryDivision: { type: String, required: true },
    regionCode: { type: String, required: true },
    registeredAt: { type: Date, required: true },
  },
  { versionKey: false },
);
