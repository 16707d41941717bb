import { ReportRevision, newRevision, SubmittedRevision } from '../report';
import { EffectiveReport } from './effective-report';

/** The next revision of a report built from several sources: its figures, provenance and warnings (the plausibility rules' and the sources'). */
export function sourcedRevision(effective: EffectiveReport, next: number, submittedAt: string, lastMonth: ReportRevision | undefined, reason: string | undefined): SubmittedRevision {
  const { valueAdded, outputValue, energy, ownRenewableElectricityKwh, submittedAt: _s, ...figures } = effective.figures;
  const revision = newRevision({ valueAdded, outputValue, energy, ownRenewableElectricityKwh, figures, reason }, next, submittedAt, lastMonth);
  return { ...revision, warnings: [...revision.warnings, ...effective.warnings], provenance: effective.provenance };
}
