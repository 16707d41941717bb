import {
  applyBenchmarkMembers,
  benchmarkFigures,
  BenchmarkFigures,
  CarbonLevel,
  computeIndicators,
  comparePeriods,
  CURRENT_CARBON_EFFICIENCY_METHODOLOGY,
  CURRENT_FACTOR_TABLES,
  EligibilityRule,
  EnergyQuantity,
  evaluateEligibility,
  normalizeElectricity,
  normalizeQuantity,
  parseIndustryCode,
  parsePeriod,
  rateCarbonEfficiency,
} from '@gec/domain';

/** A report body exactly as a client POSTs it to intake (any accepted unit). */
export interface ReportBody {
  period: string;
  valueAdded: number;
  outputValue: number;
  energy: Array<{ carrier: string; quantity: number; unit: string }>;
  ownRenewableElectricity?: { quantity: number; unit: string };
}

export interface OracleEnterprise {
  uscc: string;
  industryCode: string;
}

/** The final revision of one enterprise's report for one period. */
export interface OracleReport {
  uscc: string;
  revision: number;
  body: ReportBody;
}

export interface OracleProduct {
  id: string;
  rule: EligibilityRule;
}

export interface OracleInputs {
  enterprises: OracleEnterprise[];
  reports: OracleReport[];
  products: OracleProduct[];
}

export interface ExpectedIndicators {
  uscc: string;
  period: string;
  revision: number;
  industryDivision: string;
  valueAdded: number;
  energyTce: number;
  co2Tonnes: number;
  energyIntensity: number;
  carbonIntensity: number;
  factorTableVersion: string;
}

export interface ExpectedBenchmark {
  industryDivision: string;
  period: string;
  enterpriseCount: number;
  totalCo2Tonnes: number;
  totalValueAdded: number;
  carbonIntensity: number;
}

export interface ExpectedRating {
  uscc: string;
  period: string;
  industryDivision: string;
  grade: number;
  level: CarbonLevel;
  k: number;
  industryCarbonIntensity: number;
  methodologyVersion: string;
}

export interface ExpectedEligibility {
  uscc: string;
  product: string;
  eligible: boolean;
  /** The rating it rests on: the enterprise's latest period. */
  period: string;
  grade: number;
  level: CarbonLevel;
}

export interface ExpectedState {
  indicators: ExpectedIndicators[];
  benchmarks: ExpectedBenchmark[];
  ratings: ExpectedRating[];
  eligibility: ExpectedEligibility[];
}

/**
 * What the platform must end up serving for these inputs, computed with the domain's own pure rules: indicators per
 * report (after intake's unit conversion), an industry benchmark per division and period from every member's final
 * figures, a carbon-efficiency rating per report against its benchmark, and each product's decision on the
 * enterprise's latest rated period.
 */
export function computeExpectedState(inputs: OracleInputs): ExpectedState {
  const divisionOf = new Map<string, string>();
  for (const e of inputs.enterprises) {
    const industry = parseIndustryCode(e.industryCode);
    if (!industry.ok) throw new RangeError(`enterprise ${e.uscc}: ${industry.reason}`);
    divisionOf.set(e.uscc, industry.value.division);
  }

  const indicators: ExpectedIndicators[] = [];
  const seen = new Set<string>();
  for (const report of inputs.reports) {
    const { uscc, revision, body } = report;
    const industryDivision = divisionOf.get(uscc);
    if (!industryDivision) throw new RangeError(`report of unregistered enterprise ${uscc}`);
    const key = `${uscc}/${body.period}`;
    if (seen.has(key)) throw new RangeError(`two final reports for ${key}; give only the final revision`);
    seen.add(key);
    const computed = computeIndicators(normalizeReport(body), CURRENT_FACTOR_TABLES);
    indicators.push({
      uscc,
      period: body.period,
      revision,
      industryDivision,
      valueAdded: body.valueAdded,
      energyTce: computed.energyTce,
      co2Tonnes: computed.co2Tonnes,
      energyIntensity: computed.energyIntensity,
      carbonIntensity: computed.carbonIntensity,
      factorTableVersion: computed.factorTableVersion,
    });
  }

  // The domain's own aggregation (exact totals in thousandths), over every member's final figures at once.
  const membersByKey = new Map<string, typeof indicators>();
  for (const i of indicators) {
    const key = `${i.industryDivision}/${i.period}`;
    membersByKey.set(key, [...(membersByKey.get(key) ?? []), i]);
  }
  const benchmarkByKey = new Map<string, BenchmarkFigures>();
  const benchmarks: ExpectedBenchmark[] = [];
  for (const [key, members] of membersByKey) {
    const figures = benchmarkFigures(applyBenchmarkMembers(undefined, new Map(), members.map((m) => ({ uscc: m.uscc, revision: m.revision, co2Tonnes: m.co2Tonnes, valueAdded: m.valueAdded }))).totals);
    benchmarkByKey.set(key, figures);
    benchmarks.push({ industryDivision: members[0].industryDivision, period: members[0].period, ...figures });
  }

  const methodology = CURRENT_CARBON_EFFICIENCY_METHODOLOGY;
  const ratings: ExpectedRating[] = indicators.map((i) => {
    const benchmark = benchmarkByKey.get(`${i.industryDivision}/${i.period}`)!;
    const rated = rateCarbonEfficiency({ carbonIntensity: i.carbonIntensity, industryCarbonIntensity: benchmark.carbonIntensity }, methodology);
    return {
      uscc: i.uscc,
      period: i.period,
      industryDivision: i.industryDivision,
      grade: rated.grade,
      level: rated.level,
      k: rated.k,
      industryCarbonIntensity: benchmark.carbonIntensity,
      methodologyVersion: rated.methodology.version,
    };
  });

  const latest = new Map<string, ExpectedRating>();
  for (const r of ratings) {
    const current = latest.get(r.uscc);
    if (!current || comparePeriods(period(r.period), period(current.period)) > 0) latest.set(r.uscc, r);
  }
  const eligibility: ExpectedEligibility[] = [];
  for (const rating of latest.values()) {
    for (const product of inputs.products) {
      const decision = evaluateEligibility(product.rule, rating);
      eligibility.push({ uscc: rating.uscc, product: product.id, eligible: decision.eligible, period: rating.period, grade: rating.grade, level: rating.level });
    }
  }
  return { indicators, benchmarks, ratings, eligibility };
}

/** The report as intake accepts it: every quantity in its carrier's canonical unit. */
export function normalizeReport(body: ReportBody): { period: string; valueAdded: number; energy: EnergyQuantity[]; ownRenewableElectricityKwh: number } {
  return { period: body.period, valueAdded: body.valueAdded, energy: body.energy.map(normalizeEnergy), ownRenewableElectricityKwh: ownRenewableKwh(body) };
}

function normalizeEnergy(entry: { carrier: string; quantity: number; unit: string }): EnergyQuantity {
  const normalized = normalizeQuantity(entry.carrier, entry.quantity, entry.unit);
  if (!normalized.ok) throw new RangeError(normalized.reason);
  return normalized.value;
}

function ownRenewableKwh(body: ReportBody): number {
  if (!body.ownRenewableElectricity) return 0;
  const kwh = normalizeElectricity(body.ownRenewableElectricity.quantity, body.ownRenewableElectricity.unit);
  if (!kwh.ok) throw new RangeError(kwh.reason);
  return kwh.value;
}

function period(text: string) {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}
