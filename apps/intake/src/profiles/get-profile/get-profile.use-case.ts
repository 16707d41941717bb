import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { ProfileVersion, ProfileVersions } from '../profile';
import { ProfilesRepository } from '../profiles.repository';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';

@Injectable()
export class GetProfileUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly profiles: ProfilesRepository,
    private readonly accessLog: AccessRecorder,
  ) {}

  /** The version in force in a month (default: this one): the enterprise itself, a regulator of its region, an administrator. */
  async execute(caller: Caller, uscc: string, at?: string): Promise<ProfileVersion> {
    const month = at ?? new Date().toISOString().slice(0, 7);
    const access = grantAccess(caller, uscc, ['self', 'jurisdiction', 'admin']);
    const enterprise = access && (await this.enterprises.find(access));
    if (!access || !enterprise) throw DomainError.notFound(`No enterprise ${uscc} is registered.`);
    const version = await this.profiles.findInForce(access, enterprise, month);
    if (!version) throw DomainError.notFound(`Enterprise ${uscc} has no profile in force in ${month}.`, [{ field: 'at', reason: `no profile version starts in or before ${month}` }]);
    await this.accessLog.record(access, `profile ${version.effectiveFrom}`);
    return version;
  }

  /** Every version, oldest first: the same callers. */
  async versions(caller: Caller, uscc: string): Promise<ProfileVersions> {
    const access = grantAccess(caller, uscc, ['self', 'jurisdiction', 'admin']);
    const enterprise = access && (await this.enterprises.find(access));
    const versions = access && enterprise && (await this.profiles.findVersions(access, enterprise));
    if (!access || !versions) throw DomainError.notFound(`No enterprise ${uscc} is registered.`);
    await this.accessLog.record(access, 'profile versions');
    return versions;
  }
}
