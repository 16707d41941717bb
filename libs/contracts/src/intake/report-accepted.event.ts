import { z } from 'zod';
import { ENERGY_CARRIERS } from '@gec/domain';
import { plausibilityWarningSchema, resourceFiguresShape } from './report-figures.schema';
import { INDUSTRY_DIVISION_PATTERN, PERIOD_PATTERN, REGION_CODE_PATTERN, USCC_PATTERN } from '../shared-patterns';

/** An accepted periodic report, quantities already in each carrier's canonical unit. */
export const submittedReportSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  revision: z.int().positive(),
  submittedAt: z.iso.datetime({ offset: true }),
  valueAdded: z.number().positive(),
  outputValue: z.number().nonnegative(),
  energy: z.array(
    z.object({
      carrier: z.enum(ENERGY_CARRIERS),
      quantity: z.number().nonnegative(),
      unit: z.string().min(1),
    }),
  ),
  ownRenewableElectricityKwh: z.number().nonnegative(),
  /**
   * Added after v1 was first published (optional): the enterprise's industry division and region when the report was
   * accepted, so a report never has to wait for its enterprise's registration to reach a consumer.
   */
  industryDivision: z.string().regex(INDUSTRY_DIVISION_PATTERN).optional(),
  regionCode: z.string().regex(REGION_CODE_PATTERN).optional(),
  /**
   * Added after v1 was first published (all optional): the full report's other figures, why this revision was made
   * (revisions after the first), and the plausibility warnings it was accepted with.
   */
  ...resourceFiguresShape(false),
  reason: z.string().min(1).max(500).optional(),
  warnings: z.array(plausibilityWarningSchema).optional(),
  /** Added after v1 was first published (optional): the facility of the enterprise's profile the report names. */
  facility: z.string().min(1).optional(),
});

/**
 * Added after v1 was first published: a withdrawal, the revision that takes the period's report back (with why). It
 * carries no figures; downstream the period drops out of indicators, benchmarks and ratings. A later submission is a
 * newer revision and makes the period live again.
 */
export const withdrawnReportSchema = z.object({
  uscc: z.string().regex(USCC_PATTERN),
  period: z.string().regex(PERIOD_PATTERN),
  revision: z.int().positive(),
  submittedAt: z.iso.datetime({ offset: true }),
  withdrawn: z.literal(true),
  reason: z.string().min(1).max(500),
  industryDivision: z.string().regex(INDUSTRY_DIVISION_PATTERN).optional(),
  regionCode: z.string().regex(REGION_CODE_PATTERN).optional(),
});

/** A submitted revision (every v1 event) or a withdrawal (`withdrawn: true`, no figures); tried in that order of specificity. */
export const reportAcceptedSchema = z.union([withdrawnReportSchema, submittedReportSchema]);

export type SubmittedReport = z.infer<typeof submittedReportSchema>;
export type WithdrawnReport = z.infer<typeof withdrawnReportSchema>;
export type ReportAccepted = SubmittedReport | WithdrawnReport;

export function isWithdrawnReport(report: ReportAccepted): report is WithdrawnReport {
  return 'withdrawn' in report && report.withdrawn === true;
}
