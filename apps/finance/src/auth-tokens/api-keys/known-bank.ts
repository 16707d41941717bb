import { DomainError } from '@gec/platform';
import { BanksRepository } from '../../banks/banks.repository';
import { ProvidersRepository } from '../../providers/providers.repository';
import { ApiKeyOwner } from './api-key';

/** Fails with 404 unless the bank exists. */
export async function requireBank(banks: BanksRepository, bankId: string): Promise<void> {
  if (!(await banks.find(bankId))) throw DomainError.notFound(`No bank ${bankId} is on the platform.`);
}

/** Fails with 404 unless the key's owner (a bank or a data provider) exists. */
export async function requireOwner(banks: BanksRepository, providers: ProvidersRepository, owner: ApiKeyOwner): Promise<void> {
  if (owner.kind === 'bank') return requireBank(banks, owner.id);
  if (!(await providers.find(owner.id))) throw DomainError.notFound(`No provider ${owner.id} is registered.`);
}
