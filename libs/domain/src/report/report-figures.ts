/**
 * The parts of a periodic report beyond energy and money, each in the unit its name ends with. All optional: an
 * enterprise reports what applies to it (a figure left out is unknown, never zero).
 */
export const RENEWABLE_SOURCES = ['pv', 'wind', 'hydro', 'biomass'] as const;
export type RenewableSource = (typeof RENEWABLE_SOURCES)[number];

export interface RenewableGeneration {
  /** Generated and used on site, kWh. */
  selfConsumedKwh: number;
  /** Generated and fed to the grid, kWh. */
  exportedKwh?: number;
}

export interface ResourceFigures {
  headcount?: number;
  /** Own generation by source. */
  renewables?: Partial<Record<RenewableSource, RenewableGeneration>>;
  /** Green electricity bought, kWh: with green certificates (GEC), and through green power trading. */
  greenElectricity?: { certificatesKwh?: number; tradingKwh?: number };
  water?: { newWaterM3: number; reusedM3?: number };
  /** General industrial solid waste, t; utilised includes prior stock utilised in the period. */
  solidWaste?: { generatedT: number; utilisedT?: number; priorStockUtilisedT?: number; disposedT?: number; storedT?: number };
  hazardousWaste?: { generatedT: number; disposedCompliantlyT?: number };
  /** Emitted in the period, t. */
  pollutants?: { so2T?: number; noxT?: number; particulateT?: number; vocsT?: number; codT?: number; ammoniaNitrogenT?: number };
}

export interface FigureIssue {
  /** Path of the figure within the report, e.g. ['solidWaste', 'utilisedT']. */
  path: Array<string | number>;
  message: string;
}

/** Errors that make a report invalid however plausible the rest: figures that contradict each other. */
export function resourceFigureErrors(figures: ResourceFigures): FigureIssue[] {
  const issues: FigureIssue[] = [];
  const waste = figures.solidWaste;
  if (waste) {
    const utilised = waste.utilisedT ?? 0;
    const prior = waste.priorStockUtilisedT ?? 0;
    if (prior > utilised) {
      issues.push({ path: ['solidWaste', 'priorStockUtilisedT'], message: `prior stock utilised (${prior} t) is part of what was utilised (${utilised} t), so cannot exceed it` });
    }
    if (utilised > waste.generatedT + prior) {
      issues.push({ path: ['solidWaste', 'utilisedT'], message: `utilised (${utilised} t) exceeds generated plus prior stock utilised (${waste.generatedT + prior} t): the utilisation rate would pass 100%` });
    }
  }
  const hazardous = figures.hazardousWaste;
  if (hazardous?.disposedCompliantlyT !== undefined && hazardous.disposedCompliantlyT > hazardous.generatedT) {
    issues.push({ path: ['hazardousWaste', 'disposedCompliantlyT'], message: `disposed compliantly (${hazardous.disposedCompliantlyT} t) exceeds hazardous waste generated (${hazardous.generatedT} t)` });
  }
  return issues;
}

/** Own renewable electricity used on site, kWh: what the carbon calculation nets out. */
export function selfConsumedRenewableKwh(figures: ResourceFigures): number {
  return Object.values(figures.renewables ?? {}).reduce((sum, r) => sum + (r?.selfConsumedKwh ?? 0), 0);
}

/** Resource indicators (methodology reference section 5); null where a figure they need was not reported. */
export interface ResourceIndicators {
  /** m3 of new water per 10,000 yuan of value added. */
  waterIntensity: number | null;
  /** reused / (reused + new water). */
  waterReuseRate: number | null;
  /** utilised / (generated + prior stock utilised). */
  solidWasteUtilisationRate: number | null;
  /** disposed compliantly / generated. */
  hazardousWasteCompliantRate: number | null;
  /** (own renewable used on site + green electricity bought) / (grid electricity + own renewable used on site). */
  renewableElectricityShare: number | null;
  /** Value added per person, 10,000 yuan. */
  valueAddedPerHead: number | null;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

export function computeResourceIndicators(figures: ResourceFigures, valueAdded: number, gridElectricityKwh: number): ResourceIndicators {
  const water = figures.water;
  const waste = figures.solidWaste;
  const hazardous = figures.hazardousWaste;
  const ownKwh = selfConsumedRenewableKwh(figures);
  const greenKwh = (figures.greenElectricity?.certificatesKwh ?? 0) + (figures.greenElectricity?.tradingKwh ?? 0);
  return {
    waterIntensity: water ? ratio(water.newWaterM3, valueAdded) : null,
    waterReuseRate: water?.reusedM3 !== undefined ? ratio(water.reusedM3, water.reusedM3 + water.newWaterM3) : null,
    solidWasteUtilisationRate: waste?.utilisedT !== undefined ? ratio(waste.utilisedT, waste.generatedT + (waste.priorStockUtilisedT ?? 0)) : null,
    hazardousWasteCompliantRate: hazardous?.disposedCompliantlyT !== undefined ? ratio(hazardous.disposedCompliantlyT, hazardous.generatedT) : null,
    renewableElectricityShare: figures.renewables || figures.greenElectricity ? ratio(Math.min(ownKwh + greenKwh, gridElectricityKwh + ownKwh), gridElectricityKwh + ownKwh) : null,
    valueAddedPerHead: figures.headcount ? ratio(valueAdded, figures.headcount) : null,
  };
}
