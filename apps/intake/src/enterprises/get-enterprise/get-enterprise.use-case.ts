import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { Enterprise } from '../enterprise';
import { EnterprisesRepository } from '../enterprises.repository';

@Injectable()
export class GetEnterpriseUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly accessLog: AccessRecorder,
  ) {}

  /** The enterprise itself, a regulator of its region, or an administrator; to anyone else it does not exist. */
  async execute(caller: Caller, uscc: string): Promise<Enterprise> {
    const access = grantAccess(caller, uscc, ['self', 'jurisdiction', 'admin']);
    const enterprise = access && (await this.enterprises.find(access));
    if (!access || !enterprise) throw DomainError.notFound(`No enterprise ${uscc} is registered.`);
    await this.accessLog.record(access, 'enterprise profile');
    return enterprise;
  }
}
