import { Injectable } from '@nestjs/common';
import { ReadModelCache, ReadModelChanges, ServiceRuntime } from '@gec/platform';
import { Product } from './product';
import { ProductsRepository } from './products.repository';

/** Product ids kept in memory, offered or not (an unknown id asked for is remembered as unknown, too). */
const CAPACITY = 1_000;

/** The products as requests read them, kept in memory and forgotten as soon as an administrator changes one. */
@Injectable()
export class ProductsReadModel {
  private readonly products: ReadModelCache<Product | null>;

  constructor(products: ProductsRepository, changes: ReadModelChanges, runtime: ServiceRuntime) {
    this.products = new ReadModelCache({ collection: products.collectionName, load: (id) => products.findById(id), changes, capacity: CAPACITY, maxAgeMs: runtime.config.READ_MODEL_MAX_AGE_MS });
  }

  findById(id: string): Promise<Product | null> {
    return this.products.get(id);
  }
}
