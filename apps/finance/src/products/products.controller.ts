import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListProductsUseCase } from './list-products/list-products.use-case';

@ApiTags('products')
@Controller('v1/products')
export class ProductsController {
  constructor(private readonly listProducts: ListProductsUseCase) {}

  @Get()
  @ApiOperation({ summary: 'The financial products and the eligibility rule of each (public information)' })
  list() {
    return this.listProducts.execute();
  }
}
