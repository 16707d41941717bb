import { Injectable } from '@nestjs/common';
import { EnterpriseRegistered } from '@gec/contracts';
import { EnterprisesRepository } from '../enterprises.repository';

@Injectable()
export class RecordEnterpriseUseCase {
  constructor(private readonly enterprises: EnterprisesRepository) {}

  async execute(registered: EnterpriseRegistered[]): Promise<void> {
    await this.enterprises.upsertMany(registered.map(({ uscc, industryCode, industryDivision, regionCode, registeredAt }) => ({ uscc, industryCode, industryDivision, regionCode, registeredAt })));
  }
}
