import { ReportRevision } from '../report';
import { SubmitReportCommand } from '../submit-report/submit-report.dto';
import { effectiveReport } from './effective-report';
import { CurrentReport, providerSourcesOf, SelfSource, SourceWrite } from './report-sources';
import { sourcedRevision } from './sourced-revision';

/**
 * The enterprise's own revision (`own`), or, when data providers gave figures for the period, the revision built from
 * its figures and theirs by precedence, with the enterprise's own figures kept as its source.
 */
export function withProviderFigures(
  own: ReportRevision,
  command: SubmitReportCommand,
  current: CurrentReport,
  policy: Parameters<typeof effectiveReport>[2],
  lastMonth: ReportRevision | undefined,
): { revision: ReportRevision; source?: SourceWrite } {
  const providers = providerSourcesOf(current);
  if (providers.length === 0) return { revision: own };
  const self: SelfSource = { valueAdded: command.valueAdded, outputValue: command.outputValue, energy: command.energy, ownRenewableElectricityKwh: command.ownRenewableElectricityKwh, ...command.figures, submittedAt: own.submittedAt };
  const field = (key: string) => (key.startsWith('energy.') ? 'energy' : key);
  const effective = effectiveReport(self, providers, policy, field);
  return { revision: sourcedRevision(effective, own.revision, own.submittedAt, lastMonth, command.reason), source: { self } };
}
