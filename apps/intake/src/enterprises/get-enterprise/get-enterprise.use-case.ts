import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { Enterprise } from '../enterprise';
import { EnterprisesRepository } from '../enterprises.repository';

@Injectable()
export class GetEnterpriseUseCase {
  constructor(private readonly enterprises: EnterprisesRepository) {}

  async execute(uscc: string): Promise<Enterprise> {
    const enterprise = await this.enterprises.findByUscc(uscc);
    if (!enterprise) throw DomainError.notFound(`No enterprise ${uscc} is registered.`);
    return enterprise;
  }
}
