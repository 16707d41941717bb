import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { Report } from '../report';
import { ReportsRepository } from '../reports.repository';

@Injectable()
export class GetReportUseCase {
  constructor(private readonly reports: ReportsRepository) {}

  async execute(uscc: string, period: string): Promise<Report> {
    const report = await this.reports.findLatest(uscc, period);
    if (!report) throw DomainError.notFound(`No report for ${period} from enterprise ${uscc}.`);
    return report;
  }
}
