import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { defaultRegionForUscc, parseIndustryCode } from '@gec/domain';
import { Caller, DomainError, EventFactory } from '@gec/platform';
import { Enterprise } from '../enterprise';
import { EnterprisesRepository } from '../enterprises.repository';
import { RegisterEnterpriseDto } from './register-enterprise.dto';

@Injectable()
export class RegisterEnterpriseUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly events: EventFactory,
  ) {}

  /** An enterprise registers itself; an administrator may register any. */
  async execute(caller: Caller, input: RegisterEnterpriseDto): Promise<Enterprise> {
    if (caller.role === 'enterprise' && caller.uscc !== input.uscc) {
      throw DomainError.forbidden('An enterprise can only register itself.', [{ field: 'uscc', reason: "is not the code in the caller's token" }]);
    }
    const industry = parseIndustryCode(input.industryCode);
    if (!industry.ok) throw DomainError.validation([{ field: 'industryCode', reason: industry.reason }]);
    const region = input.regionCode !== undefined ? { ok: true as const, value: input.regionCode } : defaultRegionForUscc(input.uscc);
    if (!region.ok) throw DomainError.validation([{ field: 'regionCode', reason: region.reason }]);
    const enterprise: Enterprise = {
      uscc: input.uscc,
      name: input.name,
      industryCode: industry.value.code,
      industryDivision: industry.value.division,
      regionCode: region.value,
      registeredAt: new Date().toISOString(),
    };
    const event = this.events.create(TOPICS.enterpriseRegistered, enterprise);
    if (!(await this.enterprises.insert(enterprise, event))) {
      throw DomainError.conflict(`Enterprise ${input.uscc} is already registered.`, [{ field: 'uscc', reason: 'already registered' }]);
    }
    return enterprise;
  }
}
