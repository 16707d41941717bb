export type { Result } from './result';
export { ok, fail } from './result';

export { USCC_STANDARD } from './identity/uscc-standard';
export { validateUscc, usccRegionCode, makeUscc } from './identity/uscc';

export type { IndustryClassificationTable, IndustryHeading } from './industry/industry-classification-table';
export { INDUSTRY_CLASSIFICATION } from './industry/industry-classification-table';
export type { IndustrySection } from './industry/industry-section-table';
export { INDUSTRY_SECTIONS } from './industry/industry-section-table';
export type { IndustryEntry, IndustryLevel } from './industry/industry-lookup';
export { industryByCode, industryChildren } from './industry/industry-lookup';
export type { IndustryCode, IndustryCodeLevel } from './industry/industry-code';
export { parseIndustryCode } from './industry/industry-code';

export type { AdministrativeDivisionTable } from './region/administrative-division-table';
export { ADMINISTRATIVE_DIVISIONS } from './region/administrative-division-table';
export type { Region, RegionLevel } from './region/region-lookup';
export { regionByCode, nearestListedRegion } from './region/region-lookup';
export { validateRegionCode, regionCodeMatchesPrefix } from './region/region-code';
export { defaultRegionForUscc } from './region/default-region';

export type { Period } from './period/period';
export { parsePeriod, comparePeriods, isPeriodAfter, previousMonth } from './period/period';

export type { EnergyCarrier } from './energy/energy-carrier';
export { ENERGY_CARRIERS, CANONICAL_UNIT, isEnergyCarrier } from './energy/energy-carrier';
export type { UnitConversion } from './energy/unit-conversion-table';
export { UNIT_CONVERSIONS } from './energy/unit-conversion-table';
export type { EnergyQuantity } from './energy/unit-conversion';
export { normalizeQuantity, normalizeElectricity } from './energy/unit-conversion';

export type { CoalEquivalentRow, CoalEquivalentTable } from './methodology/coal-equivalent-table';
export { COAL_EQUIVALENT_TABLES, CURRENT_COAL_EQUIVALENT_VERSION } from './methodology/coal-equivalent-table';
export type { EmissionFactorTable, FuelFactorRow, GridFactorRow } from './methodology/emission-factor-table';
export { EMISSION_FACTOR_TABLES, CURRENT_EMISSION_FACTOR_VERSION } from './methodology/emission-factor-table';
export type { GridFactor } from './methodology/grid-factor-for';
export { gridFactorFor } from './methodology/grid-factor-for';
export type { FactorTableSet, MethodologyTables } from './methodology/factor-table-set';
export { CURRENT_FACTOR_TABLES, makeFactorTableSet } from './methodology/factor-table-set';

export type { IndicatorInput, Indicators } from './indicators/compute-indicators';
export { computeIndicators, energyTceOf } from './indicators/compute-indicators';

export type { BenchmarkFigures, BenchmarkKey, BenchmarkMember, BenchmarkTotals, BenchmarkWithdrawal, RegionTotals } from './benchmark/industry-benchmark';
export { applyBenchmarkMembers, benchmarkFigures, regionPrefixes } from './benchmark/industry-benchmark';
export type { BenchmarkView, BenchmarkViewer } from './benchmark/benchmark-disclosure';
export { BENCHMARK_DISCLOSURE_RULE, benchmarkView, totalsDisclosableToMembers } from './benchmark/benchmark-disclosure';

export type { CarbonEfficiencyGrade, CarbonEfficiencyMethodology, CarbonLevel } from './rating/carbon-efficiency-methodology';
export {
  CARBON_EFFICIENCY_METHODOLOGIES,
  CURRENT_CARBON_EFFICIENCY_METHODOLOGY,
  CURRENT_CARBON_EFFICIENCY_VERSION,
} from './rating/carbon-efficiency-methodology';
export type { CarbonEfficiencyRating } from './rating/rate-carbon-efficiency';
export { rateCarbonEfficiency } from './rating/rate-carbon-efficiency';
export { ratingChanged } from './rating/rating-changed';

export type { ConsentTerms } from './consent/consent-in-force';
export { consentInForce } from './consent/consent-in-force';

export type { EligibilityCondition, EligibilityRule } from './finance/eligibility-rule';
export { GREEN_LOAN_DEFAULT_RULE } from './finance/eligibility-rule';
export type { EligibilityDecision, WithdrawnRatingFacts } from './finance/evaluate-eligibility';
export { evaluateEligibility } from './finance/evaluate-eligibility';
export type { FigureIssue, RenewableGeneration, RenewableSource, ResourceFigures, ResourceIndicators } from './report/report-figures';
export { computeResourceIndicators, RENEWABLE_SOURCES, resourceFigureErrors, selfConsumedRenewableKwh } from './report/report-figures';
export type { PlausibilityInput, PlausibilityWarning } from './report/plausibility';
export { PLAUSIBILITY_RULES, permitWarnings, plausibilityWarnings } from './report/plausibility';
export type { Certification, CertificationStandard, EnterpriseProfile, Facility, GreenFactoryLevel, GreenFactoryRecognition, Pollutant, PollutantAmounts } from './profile/enterprise-profile';
export {
  CERTIFICATION_STANDARDS,
  FACILITY_ID_PATTERN,
  GREEN_FACTORY_LEVELS,
  POLLUTANTS,
  profileErrors,
  validateFacilityId,
  validateIndustryClass,
  versionInForce,
} from './profile/enterprise-profile';
export type { ImportCellIssue, ImportColumn, MappedImportRow } from './report/report-import-columns';
export { energyColumnName, IMPORT_COLUMNS, importColumnOfField, importHeaderIssues, mapImportRow, REQUIRED_IMPORT_COLUMNS } from './report/report-import-columns';

// Green efficiency code (issue #10): methodologies as data, periods, five-dimension score, tiers, vetoes, diagnostics, what-if.
export type {
  DimensionWeight,
  Direction,
  GreenDimension,
  GreenIndicatorId,
  GreenMethodology,
  GreenTier,
  GridBasis,
  HeadlinePeriodKind,
  IndicatorWeight,
  Provenance,
  ReferencePair,
  ReferenceRule,
  RegionalGrid,
  TierRule,
  VetoRules,
  ViolationSeverity,
} from './green-code/methodology/green-methodology';
export { GREEN_DIMENSIONS, GREEN_INDICATORS, GREEN_TIERS, methodologyKey } from './green-code/methodology/green-methodology';
export { CURRENT_GREEN_METHODOLOGY, GREEN_CODE_2026_1, GREEN_METHODOLOGIES } from './green-code/methodology/default-green-methodology';
export type { MethodologyIssue } from './green-code/methodology/validate-green-methodology';
export { greenMethodologyIssues, parseGreenMethodology } from './green-code/methodology/validate-green-methodology';
export { factorTablesForGrid, GRID_FACTOR_SERIES } from './green-code/methodology/grid-factor-series';
export { factorTablesByVersion } from './green-code/methodology/factor-tables-by-version';
export type { RatingPeriod } from './green-code/period/rating-period';
export { parseRatingPeriod, periodEndingAt } from './green-code/period/rating-period';
export type { MonthFigures, PollutantPermits } from './green-code/period/month-figures';
export type { PeriodFigures } from './green-code/period/aggregate-period';
export { aggregatePeriod } from './green-code/period/aggregate-period';
export type { GreenIndicatorValues } from './green-code/indicators/green-indicators';
export { computeGreenIndicators, GREEN_INDICATOR_UNITS } from './green-code/indicators/green-indicators';
export { atLeastAsGood, indicatorFraction, valueForFraction } from './green-code/scoring/score-indicator';
export type { References } from './green-code/scoring/reference-values';
export { percentile, performancePercentile, referenceValues } from './green-code/scoring/reference-values';
export type { DimensionScore, GreenScore, IndicatorScore } from './green-code/scoring/score-green';
export { scoreGreen } from './green-code/scoring/score-green';
export type { ScoredMember } from './green-code/code/assign-tier';
export { assignTiers, scoreNeededForTier, sharePlaces, tierByThreshold, tierOrder } from './green-code/code/assign-tier';
export type { EnforcementCase, IntakeWarning, VetoReason } from './green-code/code/veto-reasons';
export { vetoReasons } from './green-code/code/veto-reasons';
export type { CohortMember, GreenCode, GreenCohort, GreenRating, GreenRatingInput, GreenRatingProvenance } from './green-code/rate/green-rating';
export { percentileRank, rateGreenEfficiency } from './green-code/rate/rate-green-efficiency';
export type { GreenDiagnostics, IndicatorDiagnostic, TierGap } from './green-code/diagnostics/diagnose-green-rating';
export { diagnoseGreenRating, tierGap } from './green-code/diagnostics/diagnose-green-rating';
export type { Measure } from './green-code/diagnostics/measure-catalogue';
export { MEASURE_CATALOGUE, measuresFor } from './green-code/diagnostics/measure-catalogue';
export type { WhatIfChange } from './green-code/what-if/what-if-change';
export { whatIfChangeIssues } from './green-code/what-if/what-if-change';
export { applyWhatIf } from './green-code/what-if/apply-what-if';
export type { GreenSimulation } from './green-code/what-if/simulate-green-rating';
export { simulateGreenRating } from './green-code/what-if/simulate-green-rating';
export { greenMethodologyInForce } from './green-code/methodology/methodology-in-force';
export { greenRatingChanged } from './green-code/rate/green-rating-changed';
export type { FigureChoice, FigureValue, SourceFigures, SourceKind } from './report/figure-sources';
export { chooseFigures, DEFAULT_SOURCE_PRECEDENCE, DEFAULT_SOURCE_TOLERANCE, relativeDifference, SOURCE_KINDS, sourceId, usedFigures } from './report/figure-sources';
export { sourceDisagreementWarnings } from './report/source-disagreement';
export { figuresOutsideScope } from './report/figure-scope';
export type { ReportFigureSet } from './report/report-figure-paths';
export { flattenReportFigures, withFigures } from './report/report-figure-paths';
