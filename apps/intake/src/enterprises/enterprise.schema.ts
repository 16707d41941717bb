import { Schema } from 'mongoose';
import { OutboxEntry, outboxField } from '@gec/platform';

export interface EnterpriseDocument {
  _id: string;
  name: string;
  industryCode: string;
  industryDivision: string;
  regionCode: string;
  registeredAt: Date;
  outbox: OutboxEntry[];
}

export const enterpriseSchema = new Schema<EnterpriseDocument>(
  {
    _id: String,
    name: { type: String, required: true },
    industryCode: { type: String, required: true },
    industryDivision: { type: String, required: true },
    regionCode: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { versionKey: false },
);
