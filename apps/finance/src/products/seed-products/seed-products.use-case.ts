import { Injectable } from '@nestjs/common';
import { Product } from '../product';
import { ProductsRepository } from '../products.repository';

@Injectable()
export class SeedProductsUseCase {
  constructor(private readonly products: ProductsRepository) {}

  /** Creates each configured product that doesn't exist yet; existing ones are managed through the API. */
  async execute(products: Product[]): Promise<void> {
    for (const product of products) await this.products.seed(product);
  }
}
