import { DomainError } from '@gec/platform';
import { BanksRepository } from '../../banks/banks.repository';

/** Fails with 404 unless the bank exists. */
export async function requireBank(banks: BanksRepository, bankId: string): Promise<void> {
  if (!(await banks.find(bankId))) throw DomainError.notFound(`No bank ${bankId} is on the platform.`);
}
