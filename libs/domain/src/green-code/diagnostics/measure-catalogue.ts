import { GreenIndicatorId } from '../methodology/green-methodology';
import { WhatIfChange } from '../what-if/what-if-change';

export interface Measure {
  id: string;
  name: string;
  /** The indicators the measure moves, the main one first. */
  moves: readonly GreenIndicatorId[];
  /** The what-if change that models it (see applyWhatIf). */
  whatIf: WhatIfChange['kind'];
  note: string;
}

/** A small curated catalogue of improvement measures: the platform's own list, not drawn from a standard. */
export const MEASURE_CATALOGUE = {
  version: 'measures-2026.1',
  source: "Platform's own curated list; which indicators each measure moves follows from the indicator definitions",
  measures: [
    {
      id: 'onsite-pv',
      name: 'On-site photovoltaics (屋顶光伏)',
      moves: ['renewableElectricityShare', 'carbonIntensity'],
      whatIf: 'add-onsite-pv',
      note: 'Self-consumed generation replaces grid electricity: its CO2 is netted out and the renewable share rises (energy consumed is unchanged).',
    },
    {
      id: 'waste-heat-power',
      name: 'Waste-heat and waste-gas power generation (余热余压发电)',
      moves: ['energyIntensity', 'carbonIntensity'],
      whatIf: 'cut-carrier',
      note: 'Power recovered from process heat or gas replaces purchased electricity.',
    },
    {
      id: 'furnace-electrification',
      name: 'Electrification of furnaces and boilers (窑炉电能替代)',
      moves: ['carbonIntensity', 'energyIntensity', 'renewableElectricityShare'],
      whatIf: 'electrify',
      note: 'Fuel burnt on site is replaced by electricity; carbon falls most where the grid is clean or renewables are bought.',
    },
    {
      id: 'water-recycling',
      name: 'Water recycling and reuse (中水回用)',
      moves: ['waterReuseRate', 'waterIntensity'],
      whatIf: 'set-water-reuse-rate',
      note: 'Reused water replaces new water withdrawn; total water use unchanged.',
    },
    {
      id: 'waste-acid-recovery',
      name: 'Waste-acid recovery (废酸回收)',
      moves: ['solidWasteUtilisationRate', 'pollutantPermitRatio'],
      whatIf: 'set-solid-waste-utilisation-rate',
      note: 'Spent acid regenerated instead of neutralised: more residue utilised, less discharged.',
    },
    {
      id: 'solvent-recovery',
      name: 'Solvent recovery (溶剂回收)',
      moves: ['pollutantPermitRatio'],
      whatIf: 'cut-pollutant',
      note: 'Condensation or adsorption recovers solvents before they are emitted as VOCs.',
    },
  ] satisfies Measure[],
} as const;

/**
 * Measures that move any of the given indicators: those moving the first-listed indicator first, and among them those
 * for which it is the main indicator moved.
 */
export function measuresFor(indicators: readonly GreenIndicatorId[]): Measure[] {
  const rank = (m: Measure) => Math.min(...m.moves.map((i, at) => (indicators.includes(i) ? indicators.indexOf(i) * 100 + at : Infinity)));
  return MEASURE_CATALOGUE.measures.filter((m) => rank(m) !== Infinity).sort((a, b) => rank(a) - rank(b));
}
