import { Module } from '@nestjs/common';
import { CreateProviderUseCase } from './create-provider/create-provider.use-case';
import { GetProviderUseCase } from './get-provider/get-provider.use-case';
import { ListProvidersUseCase } from './list-providers/list-providers.use-case';
import { ProvidersController } from './providers.controller';
import { ProvidersRepository } from './providers.repository';

/** The data providers on the platform. The token exchange imports it to put a provider's scope in its tokens. */
@Module({
  controllers: [ProvidersController],
  providers: [ProvidersRepository, CreateProviderUseCase, ListProvidersUseCase, GetProviderUseCase],
  exports: [ProvidersRepository],
})
export class ProvidersModule {}
