import { Injectable } from '@nestjs/common';
import { Product } from '../product';
import { ProductBody } from '../product.dto';
import { ProductsRepository } from '../products.repository';

@Injectable()
export class SaveProductUseCase {
  constructor(private readonly products: ProductsRepository) {}

  /** Creates or changes a product; a changed rule applies from each enterprise's next rating change on. */
  async execute(id: string, body: ProductBody): Promise<Product> {
    const product: Product = { id, name: body.name, rule: body.rule };
    await this.products.save(product);
    return product;
  }
}
