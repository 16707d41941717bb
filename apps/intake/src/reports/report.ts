import { EnergyQuantity, PlausibilityWarning, ResourceFigures } from '@gec/domain';

/** One submitted revision of an enterprise's report for a period; energy in canonical units, other figures as named. */
export interface ReportRevision extends ResourceFigures {
  revision: number;
  submittedAt: string;
  valueAdded: number;
  outputValue: number;
  energy: EnergyQuantity[];
  ownRenewableElectricityKwh: number;
  /** Why this revision replaced the previous one (every revision after the first has one). */
  reason?: string;
  /** Figures that are allowed but unlikely, as found when the revision was accepted. */
  warnings: PlausibilityWarning[];
  /** The bulk import row it came from (absent for a report submitted alone): a replayed chunk finds it and writes nothing. */
  source?: { importId: string; row: number };
}

export interface Report extends ReportRevision {
  uscc: string;
  period: string;
  supersededRevisions: number[];
}

export interface ReportHistory {
  uscc: string;
  period: string;
  /** Oldest first. */
  revisions: ReportRevision[];
}
