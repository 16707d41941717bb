import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { Caller, DomainError, EventFactory, grantAccess } from '@gec/platform';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';
import { ProfileVersion } from '../profile';
import { ProfilesRepository } from '../profiles.repository';
import { PutProfileCommand } from './put-profile.dto';

@Injectable()
export class PutProfileUseCase {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly profiles: ProfilesRepository,
    private readonly events: EventFactory,
  ) {}

  /**
   * The enterprise itself or an administrator declares the profile in force from a month. A month that already has a
   * version gets a new revision of it (a correction; the earlier revisions are kept); any other month a new version,
   * leaving the earlier ones as they were. Each change is published on `intake.profile-changed.v1`.
   */
  async execute(caller: Caller, uscc: string, command: PutProfileCommand): Promise<ProfileVersion> {
    const access = grantAccess(caller, uscc, ['self', 'admin']);
    const enterprise = access && (await this.enterprises.find(access));
    if (!access || !enterprise) throw DomainError.notFound(`No enterprise ${uscc} is registered.`);
    const changedAt = new Date().toISOString();
    return this.profiles.put(access, enterprise, command.effectiveFrom, (next) => {
      const revision = { revision: next, changedAt, ...command.profile };
      return { revision, event: this.events.create(TOPICS.profileChanged, { uscc, effectiveFrom: command.effectiveFrom, ...revision }) };
    });
  }
}
