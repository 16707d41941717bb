import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@gec/platform';
import { ListProductsUseCase } from './list-products/list-products.use-case';

@ApiTags('products')
@Controller('v1/products')
export class ProductsController {
  constructor(private readonly listProducts: ListProductsUseCase) {}

  @Get()
  @Allow('enterprise', 'bank', 'regulator', 'admin')
  @ApiOperation({ summary: 'The financial products and the eligibility rule of each (any signed-in enterprise, bank, regulator or administrator)' })
  list() {
    return this.listProducts.execute();
  }
}
