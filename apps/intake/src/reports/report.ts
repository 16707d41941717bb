import { EnergyQuantity } from '@gec/domain';

/** One submitted revision of an enterprise's report for a period; quantities in canonical units. */
export interface ReportRevision {
  revision: number;
  submittedAt: string;
  valueAdded: number;
  outputValue: number;
  energy: EnergyQuantity[];
  ownRenewableElectricityKwh: number;
}

export interface Report extends ReportRevision {
  uscc: string;
  period: string;
  supersededRevisions: number[];
}
