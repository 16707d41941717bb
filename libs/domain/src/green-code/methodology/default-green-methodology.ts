import { CARBON_EFFICIENCY_METHODOLOGIES } from '../../rating/carbon-efficiency-methodology';
import { GreenMethodology, methodologyKey, Provenance } from './green-methodology';

const GBT36132 =
  'GB/T 36132-2025 green factory evaluation: five first-level indicators, baseline and leading values (cisceindiaresults.com/cj/jjgc/2026-01-07/1827010.html; fsfanyou.com/12570.html)';
const MIIT = "MIIT enterprise green code for national green factories: A+/A/B for 5%/35%/60%, yearly after the annual filing, no code when data are missing or abnormal (news.cncaa.org/43920.html)";
const MEE = 'MEE/NBS national average grid factor (daydaynews.cc/zh-hant/finance/3899452.html; 163.com/dy/article/KIQVBKCG05567I2C.html)';
const PARK = 'Provincial zero-carbon park guide reference values (tanpaifang.com/tanguwen/2024/0716/107386.html)';

const platform = (why: string): Provenance => ({ origin: 'platform', source: `Platform choice, not the standard's: ${why}` });
const standard = (source: string): Provenance => ({ origin: 'standard', source });

/** The default methodology. Every parameter the standards leave open is marked as the platform's own choice. */
export const GREEN_CODE_2026_1: GreenMethodology = {
  id: 'green-efficiency-code',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  note:
    'Five-dimension score after GB/T 36132-2025 with cohort-derived baseline and leading values, MIIT-style shared tiers A+/A/B among enterprises reaching 60 points and platform tiers C/D below, Zhejiang K grade alongside.',
  sources: [GBT36132, MIIT, MEE, PARK, CARBON_EFFICIENCY_METHODOLOGIES['db33t1347-2023.1'].source],
  grid: { basis: 'national-average', provenance: { origin: 'standard', source: `${MEE}; the platform's default among the published bases (regional, excluding market-traded non-fossil)` } },
  headlinePeriod: { kind: 'year', provenance: standard(`${MIIT}: the code is recomputed yearly`) },
  carbonEfficiency: CARBON_EFFICIENCY_METHODOLOGIES['db33t1347-2023.1'],
  directions: {
    energyIntensity: 'lower-is-better',
    carbonIntensity: 'lower-is-better',
    renewableElectricityShare: 'higher-is-better',
    waterIntensity: 'lower-is-better',
    waterReuseRate: 'higher-is-better',
    solidWasteUtilisationRate: 'higher-is-better',
    pollutantPermitRatio: 'lower-is-better',
    footprintProductShare: 'higher-is-better',
    valueAddedPerLandM2: 'higher-is-better',
  },
  dimensions: [
    {
      dimension: 'low-carbon-energy',
      points: 35,
      indicators: [
        { indicator: 'energyIntensity', weight: 0.4 },
        { indicator: 'carbonIntensity', weight: 0.4 },
        { indicator: 'renewableElectricityShare', weight: 0.2 },
      ],
    },
    {
      dimension: 'efficient-resources',
      points: 25,
      indicators: [
        { indicator: 'waterIntensity', weight: 0.4 },
        { indicator: 'waterReuseRate', weight: 0.3 },
        { indicator: 'solidWasteUtilisationRate', weight: 0.3 },
      ],
    },
    { dimension: 'clean-production', points: 20, indicators: [{ indicator: 'pollutantPermitRatio', weight: 1 }] },
    { dimension: 'green-products', points: 10, indicators: [{ indicator: 'footprintProductShare', weight: 1 }] },
    { dimension: 'intensive-land-use', points: 10, indicators: [{ indicator: 'valueAddedPerLandM2', weight: 1 }] },
  ],
  dimensionProvenance: platform(
    `the five dimensions are ${GBT36132}; the standard caps energy/carbon and resource indicators at 60% of the weight, and the platform gives them exactly 60 (35 + 25) and splits the rest and every within-dimension weight itself`,
  ),
  pollutants: { aggregation: 'worst', provenance: platform('the worst pollutant against its permit, so one pollutant near its limit is not hidden by others far below theirs') },
  missingIndicators: { rule: 'redistribute', provenance: platform('an unreported indicator\'s weight goes to the reported ones of its dimension; a dimension with none scores 0 and is marked incomplete') },
  references: {
    mode: 'distribution',
    baselinePercentile: 50,
    leadingPercentile: 90,
    minimumValues: 5,
    provenance: platform(`${GBT36132} scores against baseline and leading values but publishes no table per industry here; the platform takes the industry cohort's median as baseline and its 90th percentile of performance as leading (linear interpolation between ranked values)`),
  },
  tiers: {
    mode: 'share',
    qualifyingScore: 60,
    shares: [
      { tier: 'A+', share: 0.05 },
      { tier: 'A', share: 0.35 },
      { tier: 'B', share: 0.6 },
    ],
    belowQualifying: [
      { tier: 'C', minScore: 40 },
      { tier: 'D', minScore: 0 },
    ],
    provenance: platform(
      `the shares 5/35/60 are ${MIIT}, which codes green factories only; the platform applies them to enterprises scoring at least 60 and gives C (40 to under 60) and D (under 40) to the rest. Places per tier are rounded up; tied scores share the better tier`,
    ),
  },
  colours: {
    'A+': { name: 'dark green', hex: '#1B5E20' },
    A: { name: 'green', hex: '#43A047' },
    B: { name: 'yellow', hex: '#FDD835' },
    C: { name: 'orange', hex: '#FB8C00' },
    D: { name: 'red', hex: '#E53935' },
  },
  coloursProvenance: platform('colours of the tiers'),
  vetoes: {
    violationSeverities: ['serious', 'major'],
    unresolvedWarnings: true,
    allowedMissingMonths: 0,
    provenance: standard(`${MIIT}; GB/T 36132-2018 basic requirements are a veto. Which enforcement severities count is the platform's choice (serious and major)`),
  },
  decimals: 4,
};

export const GREEN_METHODOLOGIES: Readonly<Record<string, GreenMethodology>> = {
  [methodologyKey(GREEN_CODE_2026_1)]: GREEN_CODE_2026_1,
};

export const CURRENT_GREEN_METHODOLOGY: GreenMethodology = GREEN_CODE_2026_1;
