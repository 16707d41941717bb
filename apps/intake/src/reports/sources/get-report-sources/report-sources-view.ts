/** One source's value of a figure. */
export interface SourceValueView {
  source: string;
  kind: string;
  value: number;
  submittedAt: string;
}

/** One figure of a report as every source gave it. */
export interface FigureSourcesView {
  key: string;
  unit: string;
  /** The source whose value the report uses (absent in a provider's view of its own submissions). */
  used?: string;
  value?: number;
  /** Whether another source's value is further from the used one than the tolerance. */
  disagrees?: boolean;
  values: SourceValueView[];
}

export interface ReportSourcesView {
  uscc: string;
  period: string;
  /** The report's latest revision (null: the enterprise has not reported the period; providers' figures wait for it). */
  revision: number | null;
  precedence: readonly string[];
  tolerance: number;
  figures: FigureSourcesView[];
}
