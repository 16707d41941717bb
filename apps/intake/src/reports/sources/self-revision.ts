import { DomainError } from '@gec/platform';
import { ReportRevision, SubmittedRevision } from '../report';
import { SubmitReportCommand } from '../submit-report/submit-report.dto';
import { effectiveReport } from './effective-report';
import { CurrentReport, providerSourcesOf, SelfSource, SourceWrite } from './report-sources';
import { sourcedRevision } from './sourced-revision';

/**
 * The enterprise's own revision (`own`), or, when data providers gave figures for the period, the revision built from
 * its figures and theirs by precedence, with the enterprise's own figures kept as its source. A combination that would
 * contradict itself is refused (400) unless `keepOwn` (a bulk import row, which nobody can correct mid-job): then the
 * enterprise's own figures are used, with a warning saying why the providers' were not.
 */
export function withProviderFigures(
  own: SubmittedRevision,
  command: SubmitReportCommand,
  current: CurrentReport,
  policy: Parameters<typeof effectiveReport>[2],
  lastMonth: ReportRevision | undefined,
  keepOwn = false,
): { revision: SubmittedRevision; source?: SourceWrite } {
  const providers = providerSourcesOf(current);
  if (providers.length === 0) return { revision: own };
  const self: SelfSource = { valueAdded: command.valueAdded, outputValue: command.outputValue, energy: command.energy, ownRenewableElectricityKwh: command.ownRenewableElectricityKwh, ...command.figures, submittedAt: own.submittedAt };
  const field = (key: string) => (key.startsWith('energy.') ? 'energy' : key);
  try {
    const effective = effectiveReport(self, providers, policy, field);
    return { revision: sourcedRevision(effective, own.revision, own.submittedAt, lastMonth, own.reason), source: { self } };
  } catch (error) {
    if (!keepOwn || !(error instanceof DomainError)) throw error;
    const warnings = error.issues.map((i) => ({ code: 'source-disagreement' as const, field: i.field, message: `data providers' figures not used: ${i.reason}` }));
    return { revision: { ...own, warnings: [...own.warnings, ...warnings] } };
  }
}
