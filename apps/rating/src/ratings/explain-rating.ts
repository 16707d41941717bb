import { CarbonEfficiencyMethodology, CarbonEfficiencyRating } from '@gec/domain';

type Band = { upTo: number | null };

/**
 * Why a rating came out as it did, in the words of its methodology table: the band L fell into
 * and the band K fell into, each with the band's bounds as the table states them.
 */
export function explainRating(rating: CarbonEfficiencyRating, methodology: CarbonEfficiencyMethodology): string[] {
  const show = (value: number) => String(roundTo(value, methodology.decimals));
  const levelIndex = methodology.levels.findIndex((b) => b.level === rating.level);
  const gradeIndex = methodology.grades.findIndex((b) => b.grade === rating.grade);
  const k =
    rating.carbonIntensity === 0
      ? 'K = 0 (L is 0)'
      : `K = L / industry L = ${show(rating.carbonIntensity)} / ${show(rating.industryCarbonIntensity)} = ${show(rating.k)}`;
  return [
    `Carbon intensity L = ${show(rating.carbonIntensity)} t CO2 per 10,000 yuan: ${rating.level} (${describeBand(methodology.levels, levelIndex, 'L')})`,
    `${k}: grade ${rating.grade} (${describeBand(methodology.grades, gradeIndex, 'K')})`,
  ];
}

/** A band's bounds: its own `upTo` and the previous band's, since a value at a bound belongs to the lower band. */
export function describeBand(bands: ReadonlyArray<Band>, index: number, symbol: string): string {
  if (index < 0) throw new RangeError(`no band ${index} in the methodology table`);
  const lower = index > 0 ? bands[index - 1].upTo : null;
  const upper = bands[index].upTo;
  if (lower === null && upper === null) return `any ${symbol}`;
  if (lower === null) return `${symbol} <= ${upper}`;
  if (upper === null) return `${symbol} > ${lower}`;
  return `${lower} < ${symbol} <= ${upper}`;
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
