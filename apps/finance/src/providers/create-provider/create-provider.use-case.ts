import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { Provider, ProviderInput } from '../provider';
import { ProvidersRepository } from '../providers.repository';

@Injectable()
export class CreateProviderUseCase {
  constructor(private readonly providers: ProvidersRepository) {}

  async execute(input: ProviderInput): Promise<Provider> {
    const provider: Provider = { ...input, createdAt: new Date().toISOString() };
    if (!(await this.providers.insert(provider))) throw DomainError.conflict(`Provider ${provider.id} already exists.`, [{ field: 'id', reason: 'is taken' }]);
    return provider;
  }
}
