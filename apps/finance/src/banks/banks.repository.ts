import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { isDuplicateKey, MongoConnection } from '@gec/platform';
import { Bank } from './bank';
import { BankDocument, bankSchema } from './bank.schema';


@Injectable()
export class BanksRepository {
  private readonly model: Model<BankDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Bank', bankSchema, 'banks');
  }

  /** Inserts a new bank; false when the id is taken. */
  async insert(bank: Bank): Promise<boolean> {
    try {
      await this.model.collection.insertOne({ _id: bank.id, name: bank.name, createdAt: new Date() } as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Creates the bank or renames it to the configured name. */
  async upsert(bank: Bank): Promise<void> {
    await this.model.updateOne({ _id: bank.id }, { $set: { name: bank.name }, $setOnInsert: { createdAt: new Date() } }, { upsert: true });
  }

  async find(bankId: string): Promise<Bank | null> {
    const doc = await this.model.findById(bankId).lean();
    return doc ? toBank(doc) : null;
  }

  async list(): Promise<Bank[]> {
    const docs = await this.model.find().sort({ _id: 1 }).lean();
    return docs.map(toBank);
  }
}

function toBank(doc: BankDocument): Bank {
  return { id: doc._id, name: doc.name };
}
