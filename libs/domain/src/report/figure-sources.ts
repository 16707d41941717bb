/**
 * Where a figure of a report came from. `self`: the enterprise's own report; `provider`: a registered data provider
 * (a grid or gas utility, the statistics bureau, a park operator); `metered`: readings from the enterprise's meters
 * (reserved for the telemetry feature).
 */
export const SOURCE_KINDS = ['self', 'provider', 'metered'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Which kind of source wins when several give the same figure: first listed first; kinds not listed come last. */
export const DEFAULT_SOURCE_PRECEDENCE: readonly SourceKind[] = ['provider', 'self'];

/** Two values of one figure disagree when they differ by more than this share of the larger (5%). */
export const DEFAULT_SOURCE_TOLERANCE = 0.05;

/** One source's figures for a report: flat figure keys (`energy.electricity`, `water.newWaterM3`) to values. */
export interface SourceFigures {
  /** `self`, or `<kind>:<id>` (e.g. `provider:cq-grid`). */
  source: string;
  kind: SourceKind;
  submittedAt: string;
  figures: Readonly<Record<string, number>>;
}

export interface FigureValue {
  source: string;
  kind: SourceKind;
  value: number;
  submittedAt: string;
}

/** One figure as every source gave it, the one used, and whether another source's value is too far from it. */
export interface FigureChoice {
  key: string;
  used: FigureValue;
  /** Every source's value, the used one first, then by precedence. */
  values: FigureValue[];
  disagrees: boolean;
}

/** The source id of a source: `self`, or `<kind>:<id>`. */
export function sourceId(kind: SourceKind, id?: string): string {
  return kind === 'self' ? 'self' : `${kind}:${id}`;
}

/** How far apart two values are, as a share of the larger (0 when both are 0). */
export function relativeDifference(a: number, b: number): number {
  const larger = Math.max(Math.abs(a), Math.abs(b));
  return larger === 0 ? 0 : Math.abs(a - b) / larger;
}

/**
 * Per figure, the value used: from the kind of source highest in `precedence` that gives it; among sources of one
 * kind, the latest submitted (then the lowest source id). Figures in key order.
 */
export function chooseFigures(sources: readonly SourceFigures[], precedence: readonly SourceKind[] = DEFAULT_SOURCE_PRECEDENCE, tolerance = DEFAULT_SOURCE_TOLERANCE): FigureChoice[] {
  const rank = (kind: SourceKind) => {
    const at = precedence.indexOf(kind);
    return at >= 0 ? at : precedence.length + SOURCE_KINDS.indexOf(kind);
  };
  const byKey = new Map<string, FigureValue[]>();
  for (const s of sources) {
    for (const [key, value] of Object.entries(s.figures)) {
      const values = byKey.get(key) ?? [];
      values.push({ source: s.source, kind: s.kind, value, submittedAt: s.submittedAt });
      byKey.set(key, values);
    }
  }
  return [...byKey.keys()].sort().map((key) => {
    const values = byKey
      .get(key)!
      .sort((a, b) => rank(a.kind) - rank(b.kind) || b.submittedAt.localeCompare(a.submittedAt) || a.source.localeCompare(b.source));
    const used = values[0];
    return { key, used, values, disagrees: values.some((v) => relativeDifference(v.value, used.value) > tolerance) };
  });
}

/** The used value of each figure, by key. */
export function usedFigures(choices: readonly FigureChoice[]): Record<string, number> {
  return Object.fromEntries(choices.map((c) => [c.key, c.used.value]));
}
