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
import { WithdrawReportUseCase } from './reports/withdraw-report/withdraw-report.use-case';
import { ReportSourcesController } from './reports/sources/report-sources.controller';
import { PutProviderFiguresUseCase } from './reports/sources/put-provider-figures/put-provider-figures.use-case';
import { GetReportSourcesUseCase } from './reports/sources/get-report-sources/get-report-sources.use-case';
import { SourcePolicy } from './reports/sources/source-policy';
import { ImportsController } from './imports/imports.controller';
import { ImportsRepository } from './imports/imports.repository';
import { ImportsQueue } from './imports/imports.queue';
import { ImportsProcessor } from './imports/imports.processor';
import { UploadImportUseCase } from './imports/upload-import/upload-import.use-case';
import { RunImportUseCase } from './imports/run-import/run-import.use-case';
import { ImportChunkProcessor } from './imports/run-import/import-chunk.processor';
import { GetImportUseCase } from './imports/get-import/get-import.use-case';
import { ProfilesController } from './profiles/profiles.controller';
import { ProfilesRepository } from './profiles/profiles.repository';
import { PutProfileUseCase } from './profiles/put-profile/put-profile.use-case';
import { GetProfileUseCase } from './profiles/get-profile/get-profile.use-case';

@Module({})
export class IntakeModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: IntakeModule,
      imports: [PlatformModule.forRoot(runtime)],
      controllers: [EnterprisesController, ProfilesController, ReportsController, ImportsController, ReportSourcesController],
      providers: [
        EnterprisesRepository, ReportsRepository, RegisterEnterpriseUseCase, GetEnterpriseUseCase, SubmitReportUseCase, GetReportUseCase, WithdrawReportUseCase,
        ImportsRepository, ImportsQueue, ImportsProcessor, UploadImportUseCase, RunImportUseCase, ImportChunkProcessor, GetImportUseCase,
        SourcePolicy, PutProviderFiguresUseCase, GetReportSourcesUseCase,
        ProfilesRepository, PutProfileUseCase, GetProfileUseCase,
      ],
    };
  }
}
