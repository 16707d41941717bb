import { VetoRules, ViolationSeverity } from '../methodology/green-methodology';

/** An environmental enforcement case against the enterprise. */
export interface EnforcementCase {
  /** YYYY-MM-DD the decision was made. */
  date: string;
  /** e.g. 'excess-discharge', 'unpermitted-discharge'. */
  kind: string;
  severity: ViolationSeverity;
  /** The authority's case reference. */
  reference: string;
}

/** A plausibility or completeness warning raised at intake on one month's report. */
export interface IntakeWarning {
  month: string;
  code: string;
  field: string;
  message: string;
  resolved: boolean;
}

export type VetoReason =
  | { kind: 'serious-violation'; message: string; reference: string; date: string }
  | { kind: 'unresolved-warning'; message: string; month: string; field: string }
  | { kind: 'missing-months'; message: string; months: string[] }
  /** No indicator has a baseline and leading value (a cohort too small for the distribution rule): no score to code. */
  | { kind: 'no-references'; message: string };

/** Why the code is withheld for the period; empty when nothing vetoes it. */
export function vetoReasons(
  input: { periodMonths: readonly string[]; missingMonths: readonly string[]; enforcementCases: readonly EnforcementCase[]; warnings: readonly IntakeWarning[] },
  rules: VetoRules,
): VetoReason[] {
  const reasons: VetoReason[] = [];
  if (input.missingMonths.length > rules.allowedMissingMonths) {
    reasons.push({
      kind: 'missing-months',
      months: [...input.missingMonths],
      message: `no report for ${input.missingMonths.join(', ')} (${input.missingMonths.length} missing; the methodology allows ${rules.allowedMissingMonths})`,
    });
  }
  const inPeriod = (date: string) => input.periodMonths.includes(date.slice(0, 7));
  for (const c of input.enforcementCases) {
    if (!inPeriod(c.date) || !rules.violationSeverities.includes(c.severity)) continue;
    reasons.push({ kind: 'serious-violation', reference: c.reference, date: c.date, message: `${c.severity} environmental violation (${c.kind}) on ${c.date}, case ${c.reference}` });
  }
  if (rules.unresolvedWarnings) {
    for (const w of input.warnings) {
      if (w.resolved || !input.periodMonths.includes(w.month)) continue;
      reasons.push({ kind: 'unresolved-warning', month: w.month, field: w.field, message: `unresolved ${w.code} on ${w.month} (${w.field}): ${w.message}` });
    }
  }
  return reasons;
}
