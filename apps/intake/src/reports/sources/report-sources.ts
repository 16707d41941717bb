import { ReportFigureSet } from '@gec/domain';
import { isWithdrawn, ReportRevision } from '../report';

/** The enterprise's own figures for a period, as it last submitted them. */
export interface SelfSource extends ReportFigureSet {
  ownRenewableElectricityKwh: number;
  submittedAt: string;
}

/** A data provider's figures for a period, as it last put them (a PUT replaces them all). */
export interface ProviderSource {
  providerId: string;
  submittedAt: string;
  /** By figure key, in the figure's unit; a list, as keys hold dots. */
  figures: Array<{ key: string; value: number }>;
}

/** Every source's figures for one period of one enterprise, kept with its report. */
export interface ReportSources {
  /** Absent until a revision was built from several sources: then the latest revision without provenance is the enterprise's own. */
  self?: SelfSource;
  providers?: Record<string, ProviderSource>;
}

/** What a write sets: the enterprise's own figures, or a provider's (each under its own path). */
export interface SourceWrite {
  self?: SelfSource;
  providers?: Record<string, ProviderSource>;
}

/** A period's report as a write or a read finds it. */
export interface CurrentReport {
  latest?: ReportRevision;
  sources: ReportSources;
}

/** The enterprise's own figures: its latest revision when that took nothing from other sources, else those kept. */
export function selfSourceOf(current: CurrentReport): SelfSource | undefined {
  const latest = current.latest;
  // A withdrawn report has no figures of its own until the enterprise submits the period again.
  if (isWithdrawn(latest)) return undefined;
  if (latest && !latest.provenance) {
    const { revision: _r, reason: _reason, warnings: _w, source: _s, provenance: _p, ...figures } = latest;
    return figures;
  }
  return current.sources.self;
}

export function providerSourcesOf(current: CurrentReport): ProviderSource[] {
  return Object.values(current.sources.providers ?? {});
}
