import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { Provider } from '../provider';
import { ProvidersRepository } from '../providers.repository';

@Injectable()
export class GetProviderUseCase {
  constructor(private readonly providers: ProvidersRepository) {}

  async execute(id: string): Promise<Provider> {
    const provider = await this.providers.find(id);
    if (!provider) throw DomainError.notFound(`No provider ${id} is registered.`);
    return provider;
  }
}
