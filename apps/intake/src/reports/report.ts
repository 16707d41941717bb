import { CURRENT_FACTOR_TABLES, EnergyQuantity, energyTceOf, PlausibilityWarning, permitWarnings, plausibilityWarnings, PollutantAmounts, ResourceFigures } from '@gec/domain';

/** One submitted revision of an enterprise's report for a period; energy in canonical units, other figures as named. */
export interface SubmittedRevision extends ResourceFigures {
  revision: number;
  submittedAt: string;
  /** Absent on revisions stored before withdrawals existed. */
  status?: 'submitted';
  valueAdded: number;
  outputValue: number;
  energy: EnergyQuantity[];
  ownRenewableElectricityKwh: number;
  /** Why this revision replaced the previous one (every revision after the first has one). */
  reason?: string;
  /** Figures that are allowed but unlikely, as found when the revision was accepted. */
  warnings: PlausibilityWarning[];
  /** Where figures came from other than the enterprise itself, by figure key (`provider:cq-grid`); absent: all its own. */
  provenance?: Record<string, string>;
  /** The facility (of the profile in force for the period) the report is about; absent for the enterprise as a whole. */
  facility?: string;
  /** The bulk import row it came from (absent for a report submitted alone): a replayed chunk finds it and writes nothing. */
  source?: { importId: string; row: number };
}

/** The revision that withdraws the period's report: no figures, a reason; the period drops out downstream. */
export interface WithdrawnRevision {
  revision: number;
  /** When it was withdrawn. */
  submittedAt: string;
  status: 'withdrawn';
  reason: string;
  warnings: PlausibilityWarning[];
}

export type ReportRevision = SubmittedRevision | WithdrawnRevision;

export function isWithdrawn(revision: ReportRevision | undefined): revision is WithdrawnRevision {
  return revision?.status === 'withdrawn';
}

/** The period's latest revision if it holds figures (a withdrawn period has none to compare with). */
export function submittedOnly(revision: ReportRevision | undefined): SubmittedRevision | undefined {
  return revision && !isWithdrawn(revision) ? revision : undefined;
}

export type Report = ReportRevision & {
  uscc: string;
  period: string;
  supersededRevisions: number[];
};

export interface ReportHistory {
  uscc: string;
  period: string;
  /** Oldest first. */
  revisions: ReportRevision[];
}

/** What the plausibility checks compare a revision with besides the previous month. */
export interface RevisionContext {
  /** The latest revision of each earlier month of the same year (any order; months without a report left out). */
  earlierThisYear?: readonly ReportRevision[];
  /** The permitted annual pollutant amounts of the profile in force for the period. */
  permitted?: PollutantAmounts;
}

/**
 * A new revision from a validated submission (single or imported): its figures, its reason, and its plausibility
 * warnings against the previous month's latest revision, with energy priced by the current coal-equivalent table,
 * and against the permitted annual pollutant amounts (year to date).
 */
export function newRevision(
  command: Pick<SubmittedRevision, 'valueAdded' | 'outputValue' | 'energy' | 'ownRenewableElectricityKwh'> & { figures: ResourceFigures; reason?: string; facility?: string },
  next: number,
  submittedAt: string,
  lastMonth: ReportRevision | undefined,
  context: RevisionContext = {},
): SubmittedRevision {
  const plausibility = (r: Pick<SubmittedRevision, 'valueAdded' | 'outputValue' | 'energy'>) => ({ ...r, energyTce: energyTceOf(r.energy, CURRENT_FACTOR_TABLES) });
  const previous = submittedOnly(lastMonth);
  return {
    revision: next,
    submittedAt,
    status: 'submitted',
    valueAdded: command.valueAdded,
    outputValue: command.outputValue,
    energy: command.energy,
    ownRenewableElectricityKwh: command.ownRenewableElectricityKwh,
    ...command.figures,
    ...(command.reason ? { reason: command.reason } : {}),
    ...(command.facility ? { facility: command.facility } : {}),
    warnings: [
      ...plausibilityWarnings(plausibility(command), previous && plausibility(previous)),
      ...permitWarnings(command.figures.pollutants, (context.earlierThisYear ?? []).map((r) => submittedOnly(r)?.pollutants), context.permitted),
    ],
  };
}
