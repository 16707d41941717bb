import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { MongoConnection } from '@gec/platform';
import { Product } from './product';
import { ProductDocument, productSchema } from './product.schema';

@Injectable()
export class ProductsRepository {
  private readonly model: Model<ProductDocument>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.model('Product', productSchema, 'products');
  }

  /** The collection the products live in (document id: the product id), whose changes the read model listens for. */
  get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /** Adds a configured product unless it exists: an administrator's later changes are kept across restarts. */
  async seed(product: Product): Promise<void> {
    await this.model.updateOne({ _id: product.id }, { $setOnInsert: { name: product.name, rule: product.rule, seededAt: new Date() } }, { upsert: true });
  }

  async save(product: Product): Promise<void> {
    await this.model.updateOne({ _id: product.id }, { $set: { name: product.name, rule: product.rule, updatedAt: new Date() } }, { upsert: true });
  }

  async list(): Promise<Product[]> {
    const docs = await this.model.find().lean();
    return docs.map(toProduct).sort((a, b) => a.id.localeCompare(b.id));
  }

  async findById(id: string): Promise<Product | null> {
    const doc = await this.model.findById(id).lean();
    return doc ? toProduct(doc) : null;
  }
}

function toProduct(doc: ProductDocument): Product {
  return { id: doc._id, name: doc.name, rule: doc.rule };
}
