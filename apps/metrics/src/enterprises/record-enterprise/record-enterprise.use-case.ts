import { Injectable } from '@nestjs/common';
import { EnterpriseRegistered } from '@gec/contracts';
import { EnterprisesRepository } from '../enterprises.repository';

@Injectable()
export class RecordEnterpriseUseCase {
  constructor(private readonly enterprises: EnterprisesRepository) {}

  async execute(registered: EnterpriseRegistered): Promise<void> {
    const { uscc, industryCode, industryDivision, regionCode, registeredAt } = registered;
    await this.enterprises.upsert({ uscc, industryCode, industryDivision, regionCode }, registeredAt);
  }
}
