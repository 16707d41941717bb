import { Direction, GreenDimension, GreenIndicatorId, GreenMethodology, ReferencePair } from '../methodology/green-methodology';
import { GreenIndicatorValues } from '../indicators/green-indicators';
import { References } from './reference-values';
import { indicatorFraction } from './score-indicator';

export interface IndicatorScore {
  indicator: GreenIndicatorId;
  dimension: GreenDimension;
  direction: Direction;
  value: number | null;
  reference: ReferencePair | null;
  /** 'scored', or why not: no value reported, or no baseline/leading value for it. */
  status: 'scored' | 'missing-value' | 'missing-reference';
  /** Share of its points earned (0-1), null unless scored. */
  fraction: number | null;
  /** Points it carries after redistribution within its dimension. */
  maxPoints: number;
  points: number;
  lostPoints: number;
}

export interface DimensionScore {
  dimension: GreenDimension;
  maxPoints: number;
  points: number;
  /** False when any of its indicators is not scored. */
  complete: boolean;
  /** True when none of its indicators is scored: the dimension earns 0. */
  unscored: boolean;
  indicators: IndicatorScore[];
}

export interface GreenScore {
  /** 0-100, rounded to the methodology's decimals. */
  total: number;
  complete: boolean;
  dimensions: DimensionScore[];
}

function scoreDimension(dim: GreenMethodology['dimensions'][number], values: GreenIndicatorValues, refs: References, methodology: GreenMethodology): DimensionScore {
  const rows = dim.indicators.map(({ indicator, weight }) => {
    const value = values[indicator];
    const reference = refs[indicator];
    const direction = methodology.directions[indicator];
    const status: IndicatorScore['status'] = value === null ? 'missing-value' : reference === null ? 'missing-reference' : 'scored';
    const fraction = status === 'scored' ? indicatorFraction(value!, reference!, direction) : null;
    return { indicator, weight, value, reference, direction, status, fraction };
  });
  const scoredWeight = rows.filter((r) => r.status === 'scored').reduce((s, r) => s + r.weight, 0);
  const unscored = scoredWeight === 0;
  const indicators = rows.map(({ weight, ...r }): IndicatorScore => {
    // Redistribution: the scored indicators share the dimension's points in proportion to their weights. With none
    // scored, each keeps its nominal share so the lost points show where they were lost.
    const maxPoints = unscored ? dim.points * weight : r.status === 'scored' ? (dim.points * weight) / scoredWeight : 0;
    const points = r.fraction === null ? 0 : maxPoints * r.fraction;
    return { ...r, dimension: dim.dimension, maxPoints, points, lostPoints: maxPoints - points };
  });
  return {
    dimension: dim.dimension,
    maxPoints: dim.points,
    points: indicators.reduce((s, i) => s + i.points, 0),
    complete: rows.every((r) => r.status === 'scored'),
    unscored,
    indicators,
  };
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/**
 * The five-dimension score: each indicator scored between its baseline and leading value, weighted within its
 * dimension, dimensions summed to 0-100. A missing indicator's weight is redistributed within its dimension; a
 * dimension with no scored indicator earns 0 and makes the score incomplete.
 */
export function scoreGreen(values: GreenIndicatorValues, references: References, methodology: GreenMethodology): GreenScore {
  const dimensions = methodology.dimensions.map((d) => scoreDimension(d, values, references, methodology));
  return {
    total: round(dimensions.reduce((s, d) => s + d.points, 0), methodology.decimals),
    complete: dimensions.every((d) => d.complete),
    dimensions,
  };
}
