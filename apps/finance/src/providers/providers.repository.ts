import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { isDuplicateKey, MongoConnection } from '@gec/platform';
import { Provider } from './provider';
import { ProviderDocument, providerSchema } from './provider.schema';

@Injectable()
export class ProvidersRepository {
  private readonly model: Model<ProviderDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Provider', providerSchema, 'providers');
  }

  /** Inserts a new provider; false when the id is taken. */
  async insert(provider: Provider): Promise<boolean> {
    try {
      const { id, createdAt, ...rest } = provider;
      await this.model.create({ _id: id, ...rest, createdAt: new Date(createdAt) });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async find(id: string): Promise<Provider | null> {
    const doc = await this.model.findById(id).lean();
    return doc ? toProvider(doc) : null;
  }

  async list(): Promise<Provider[]> {
    const docs = await this.model.find().sort({ _id: 1 }).lean();
    return docs.map(toProvider);
  }
}

function toProvider(doc: ProviderDocument): Provider {
  return { id: doc._id, name: doc.name, kind: doc.kind as Provider['kind'], regionScope: doc.regionScope, figures: [...doc.figures], createdAt: doc.createdAt.toISOString() };
}
