import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, ZodPipe } from '@gec/platform';
import { ListProductsUseCase } from './list-products/list-products.use-case';
import { SaveProductUseCase } from './save-product/save-product.use-case';
import { ProductBody, productBodySchema, productIdSchema } from './product.dto';

@ApiTags('products')
@Controller('v1/products')
export class ProductsController {
  constructor(
    private readonly listProducts: ListProductsUseCase,
    private readonly saveProduct: SaveProductUseCase,
  ) {}

  @Get()
  @Allow('enterprise', 'bank', 'regulator', 'admin')
  @ApiOperation({ summary: 'The financial products and the eligibility rule of each (any signed-in enterprise, bank, regulator or administrator)' })
  list() {
    return this.listProducts.execute();
  }

  @Put(':id')
  @Allow('admin')
  @ApiOperation({ summary: "Create or change a product and its eligibility rule (administrators); applies from each enterprise's next rating change" })
  @ApiProblems(400)
  save(@Param('id', new ZodPipe(productIdSchema)) id: string, @Body(new ZodPipe(productBodySchema)) body: ProductBody) {
    return this.saveProduct.execute(id, body);
  }
}
