import { energyTceOf } from '../../indicators/compute-indicators';
import { FactorTableSet } from '../../methodology/factor-table-set';
import { gridFactorFor } from '../../methodology/grid-factor-for';
import { selfConsumedRenewableKwh } from '../../report/report-figures';
import { MonthFigures, Pollutant, POLLUTANTS } from './month-figures';
import { RatingPeriod } from './rating-period';

/**
 * A period's figures: sums over the months present. An optional figure is known for the period only when every
 * present month reports it (a figure left out is unknown, never zero); otherwise it is null.
 */
export interface PeriodFigures {
  period: string;
  monthsPresent: string[];
  /** Months of the period with no report: named so a refusal can say which. */
  missingMonths: string[];
  revisions: Array<{ month: string; revision: number }>;
  valueAdded: number;
  energyTce: number;
  /** Net of own renewable electricity used on site, never below 0; each month at its own year's grid factor. */
  co2Tonnes: number;
  energyByCarrier: Record<string, number>;
  /**
   * Electricity consumed, kWh, whatever its source: the report's electricity figure, which (as in computeIndicators and
   * the Zhejiang method) includes own generation used on site, netted out of CO2 rather than out of consumption.
   */
  electricityKwh: number;
  /** Own renewable electricity used on site, kWh (part of electricityKwh). */
  ownRenewableKwh: number;
  greenElectricityKwh: number;
  outputValue: number | null;
  footprintedOutputValue: number | null;
  newWaterM3: number | null;
  reusedWaterM3: number | null;
  solidWaste: { generatedT: number; utilisedT: number; priorStockUtilisedT: number } | null;
  pollutantsT: Partial<Record<Pollutant, number>>;
  landAreaM2: number | null;
}

const KWH_PER_MWH = 1000;

function grossCo2(month: MonthFigures, tables: FactorTableSet): { co2: number; gridFactor: number } {
  const gridFactor = gridFactorFor(tables.emission, Number(month.month.slice(0, 4))).tco2PerMwh;
  const co2 = month.energy.reduce((sum, { carrier, quantity }) => {
    if (carrier === 'electricity') return sum + (quantity / KWH_PER_MWH) * gridFactor;
    const row = tables.emission.fuels[carrier];
    if (!row) throw new RangeError(`no emission factor for carrier '${carrier}' in ${tables.emission.version}`);
    return sum + quantity * row.tco2PerUnit;
  }, 0);
  return { co2, gridFactor };
}

/** Sum of a figure over the months, or null unless every month has it. */
function sumIfAll(months: readonly MonthFigures[], pick: (m: MonthFigures) => number | undefined): number | null {
  const values = months.map(pick);
  if (months.length === 0 || values.some((v) => v === undefined)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0);
}

function sumPollutants(months: readonly MonthFigures[]): Partial<Record<Pollutant, number>> {
  const out: Partial<Record<Pollutant, number>> = {};
  for (const p of POLLUTANTS) {
    const total = sumIfAll(months, (m) => m.resources.pollutants?.[p]);
    if (total !== null) out[p] = total;
  }
  return out;
}

function sumSolidWaste(months: readonly MonthFigures[]): PeriodFigures['solidWaste'] {
  const generatedT = sumIfAll(months, (m) => m.resources.solidWaste?.generatedT);
  const utilisedT = sumIfAll(months, (m) => m.resources.solidWaste?.utilisedT);
  if (generatedT === null || utilisedT === null) return null;
  return { generatedT, utilisedT, priorStockUtilisedT: sumIfAll(months, (m) => m.resources.solidWaste?.priorStockUtilisedT ?? 0) ?? 0 };
}

/** Aggregates the months of a period (months outside it, or a month given twice, are refused as programming errors). */
export function aggregatePeriod(period: RatingPeriod, months: readonly MonthFigures[], tables: FactorTableSet): PeriodFigures {
  const seen = new Set<string>();
  for (const m of months) {
    if (!period.months.includes(m.month)) throw new RangeError(`month ${m.month} is not in period ${period.text}`);
    if (seen.has(m.month)) throw new RangeError(`month ${m.month} is given twice`);
    seen.add(m.month);
  }
  const present = [...months].sort((a, b) => a.month.localeCompare(b.month));
  let co2 = 0;
  let avoided = 0;
  const energyByCarrier: Record<string, number> = {};
  for (const m of present) {
    const { co2: gross, gridFactor } = grossCo2(m, tables);
    co2 += gross;
    avoided += (selfConsumedRenewableKwh(m.resources) / KWH_PER_MWH) * gridFactor;
    for (const e of m.energy) energyByCarrier[e.carrier] = (energyByCarrier[e.carrier] ?? 0) + e.quantity;
  }
  const sum = (pick: (m: MonthFigures) => number) => present.reduce((s, m) => s + pick(m), 0);
  const green = (m: MonthFigures) => (m.resources.greenElectricity?.certificatesKwh ?? 0) + (m.resources.greenElectricity?.tradingKwh ?? 0);
  const latestLand = [...present].reverse().find((m) => m.landAreaM2 !== undefined)?.landAreaM2;
  return {
    period: period.text,
    monthsPresent: present.map((m) => m.month),
    missingMonths: period.months.filter((m) => !seen.has(m)),
    revisions: present.map((m) => ({ month: m.month, revision: m.revision })),
    valueAdded: sum((m) => m.valueAdded),
    energyTce: sum((m) => energyTceOf(m.energy, tables)),
    co2Tonnes: Math.max(0, co2 - avoided),
    energyByCarrier,
    electricityKwh: energyByCarrier.electricity ?? 0,
    ownRenewableKwh: sum((m) => selfConsumedRenewableKwh(m.resources)),
    greenElectricityKwh: sum(green),
    outputValue: sumIfAll(present, (m) => m.outputValue),
    footprintedOutputValue: sumIfAll(present, (m) => m.footprintedOutputValue),
    newWaterM3: sumIfAll(present, (m) => m.resources.water?.newWaterM3),
    reusedWaterM3: sumIfAll(present, (m) => m.resources.water?.reusedM3),
    solidWaste: sumSolidWaste(present),
    pollutantsT: sumPollutants(present),
    landAreaM2: latestLand ?? null,
  };
}
