import { CarbonEfficiencyGrade, CarbonEfficiencyMethodology, CarbonLevel } from './carbon-efficiency-methodology';

export interface CarbonEfficiencyRating {
  methodology: { id: string; version: string };
  level: CarbonLevel;
  grade: CarbonEfficiencyGrade;
  /** L / industry L, rounded to the methodology's decimals. */
  k: number;
  carbonIntensity: number;
  industryCarbonIntensity: number;
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

function band<T>(bands: ReadonlyArray<{ upTo: number | null } & T>, value: number): T {
  const found = bands.find((b) => b.upTo === null || value <= b.upTo);
  if (!found) throw new RangeError(`no band covers ${value}; the methodology's last band must be unbounded`);
  return found;
}

export function rateCarbonEfficiency(
  input: { carbonIntensity: number; industryCarbonIntensity: number },
  methodology: CarbonEfficiencyMethodology,
): CarbonEfficiencyRating {
  const { carbonIntensity: l, industryCarbonIntensity: industryL } = input;
  if (!Number.isFinite(l) || l < 0) throw new RangeError(`carbon intensity must be a finite number >= 0; got ${l}`);
  if (!Number.isFinite(industryL) || industryL < 0) {
    throw new RangeError(`industry carbon intensity must be a finite number >= 0; got ${industryL}`);
  }
  // The industry includes the enterprise, so its L can only be 0 when the enterprise's is.
  if (industryL === 0 && l > 0) throw new RangeError(`industry carbon intensity is 0 but the enterprise's is ${l}`);
  const k = l === 0 ? 0 : round(l / industryL, methodology.decimals);
  return {
    methodology: { id: methodology.id, version: methodology.version },
    level: band(methodology.levels, round(l, methodology.decimals)).level,
    grade: band(methodology.grades, k).grade,
    k,
    carbonIntensity: l,
    industryCarbonIntensity: industryL,
  };
}
