import { z } from 'zod';
import { REPORT_FIGURE_KEYS, resourceFiguresShape } from '@gec/contracts';
import {
  chooseFigures,
  FigureChoice,
  flattenReportFigures,
  PlausibilityWarning,
  resourceFigureErrors,
  selfConsumedRenewableKwh,
  SourceFigures,
  sourceDisagreementWarnings,
  sourceId,
  SourceKind,
  withFigures,
} from '@gec/domain';
import { DomainError } from '@gec/platform';
import { ProviderSource, SelfSource } from './report-sources';

const figuresShape = z.object(resourceFiguresShape(false));
const FIGURE_KEYS = new Set(REPORT_FIGURE_KEYS);

/** A report's figures by key, only the report's figures (not revision numbers or other fields kept beside them). */
export function figuresByKey(report: SelfSource): Record<string, number> {
  return Object.fromEntries(Object.entries(flattenReportFigures(report)).filter(([key]) => FIGURE_KEYS.has(key)));
}

export interface EffectiveReport {
  /** The report's figures: the enterprise's own, with each figure another source wins by precedence put in. */
  figures: SelfSource;
  /** The source of every figure not the enterprise's own. */
  provenance: Record<string, string>;
  choices: FigureChoice[];
  /** A warning per figure whose sources disagree by more than the tolerance. */
  warnings: PlausibilityWarning[];
}

/** Every source's figures by key, for the precedence rule. */
export function sourceFigures(self: SelfSource | undefined, providers: readonly ProviderSource[]): SourceFigures[] {
  return [
    ...(self ? [{ source: 'self', kind: 'self' as SourceKind, submittedAt: self.submittedAt, figures: figuresByKey(self) }] : []),
    ...providers.map((p) => ({ source: sourceId('provider', p.providerId), kind: 'provider' as SourceKind, submittedAt: p.submittedAt, figures: Object.fromEntries(p.figures.map((f) => [f.key, f.value])) })),
  ];
}

/**
 * The report built from the enterprise's own figures and providers' by precedence. Fails (400) when the result
 * would contradict itself (a provider's figure against the enterprise's), naming the figure as `fieldOf` names it.
 */
export function effectiveReport(
  self: SelfSource,
  providers: readonly ProviderSource[],
  policy: { precedence: readonly SourceKind[]; tolerance: number },
  fieldOf: (key: string) => string,
): EffectiveReport {
  const choices = chooseFigures(sourceFigures(self, providers), policy.precedence, policy.tolerance);
  const taken = choices.filter((c) => c.used.source !== 'self');
  const provenance = Object.fromEntries(taken.map((c) => [c.key, c.used.source]));
  let figures = withFigures(self, Object.fromEntries(taken.map((c) => [c.key, c.used.value])));
  if (taken.some((c) => c.key.startsWith('renewables.'))) figures = { ...figures, ownRenewableElectricityKwh: selfConsumedRenewableKwh(figures) };

  const { valueAdded: _v, outputValue: _o, energy: _e, ownRenewableElectricityKwh: _k, submittedAt: _s, ...resource } = figures;
  const shape = figuresShape.safeParse(resource);
  const issues = [
    ...(shape.success ? [] : shape.error.issues.map((i) => ({ key: i.path.join('.'), message: i.message }))),
    ...resourceFigureErrors(resource).map((i) => ({ key: i.path.join('.'), message: i.message })),
  ];
  if (issues.length > 0) {
    throw DomainError.validation(
      issues.map((i) => ({ field: fieldOf(i.key), reason: `with the figures of every source (${choices.map((c) => `${c.key} from ${c.used.source}`).join(', ')}): ${i.message}` })),
      "The report's figures, taken from every source by precedence, would contradict each other.",
    );
  }
  return { figures, provenance, choices, warnings: sourceDisagreementWarnings(choices, policy.tolerance) };
}

/** Whether two reports' figures are the same, figure by figure. */
export function sameFigures(a: SelfSource | undefined, b: SelfSource | undefined): boolean {
  if (!a || !b) return a === b;
  const [fa, fb] = [figuresByKey(a), figuresByKey(b)];
  const keys = new Set([...Object.keys(fa), ...Object.keys(fb)]);
  return a.ownRenewableElectricityKwh === b.ownRenewableElectricityKwh && [...keys].every((k) => fa[k] === fb[k]);
}
