import { Injectable } from '@nestjs/common';
import { Product } from '../product';
import { ProductsRepository } from '../products.repository';

@Injectable()
export class SeedProductsUseCase {
  constructor(private readonly products: ProductsRepository) {}

  /** Creates or updates each configured product; products no longer configured are left as they are. */
  async execute(products: Product[]): Promise<void> {
    for (const product of products) await this.products.upsert(product);
  }
}
