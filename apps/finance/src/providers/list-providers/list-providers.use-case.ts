import { Injectable } from '@nestjs/common';
import { Provider } from '../provider';
import { ProvidersRepository } from '../providers.repository';

@Injectable()
export class ListProvidersUseCase {
  constructor(private readonly providers: ProvidersRepository) {}

  execute(): Promise<Provider[]> {
    return this.providers.list();
  }
}
