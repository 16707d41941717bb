import { Injectable } from '@nestjs/common';
import { Product } from '../product';
import { ProductsRepository } from '../products.repository';

@Injectable()
export class ListProductsUseCase {
  constructor(private readonly products: ProductsRepository) {}

  execute(): Promise<Product[]> {
    return this.products.list();
  }
}
