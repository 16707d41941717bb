import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@gec/platform';
import { EnterprisesController } from './enterprises/enterprises.controller';
import { EnterprisesRepository } from './enterprises/enterprises.repository';
import { RegisterEnterpriseUseCase } from './enterprises/register-enterprise/register-enterprise.use-case';
import { GetEnterpriseUseCase } from './enterprises/get-enterprise/get-enterprise.use-case';
import { ReportsController } from './reports/reports.controller';
import { ReportsRepository } from './reports/reports.repository';
import { SubmitReportUseCase } from './reports/submit-report/submit-report.use-case';
import { GetReportUseCase } from './reports/get-report/get-report.use-case';

@Module({})
export class IntakeModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: IntakeModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [EnterprisesController, ReportsController],
      providers: [EnterprisesRepository, ReportsRepository, RegisterEnterpriseUseCase, GetEnterpriseUseCase, SubmitReportUseCase, GetReportUseCase],
    };
  }
}
