import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, ZodPipe } from '@gec/platform';
import { CreateBankDto, createBankSchema } from './create-bank/create-bank.dto';
import { CreateBankUseCase } from './create-bank/create-bank.use-case';
import { ListBanksUseCase } from './list-banks/list-banks.use-case';

@ApiTags('banks')
@Controller('v1/banks')
export class BanksController {
  constructor(
    private readonly createBank: CreateBankUseCase,
    private readonly listBanks: ListBanksUseCase,
  ) {}

  @Post()
  @Allow('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a bank to the platform (administrators only)' })
  @ApiProblems(400, 409)
  create(@Body(new ZodPipe(createBankSchema)) body: CreateBankDto) {
    return this.createBank.execute(body);
  }

  @Get()
  @Allow('enterprise', 'bank', 'regulator', 'admin')
  @ApiOperation({ summary: 'The banks on the platform, whose ids enterprises grant consent to (any signed-in role)' })
  list() {
    return this.listBanks.execute();
  }
}
