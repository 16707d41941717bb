import { GREEN_DIMENSIONS, GREEN_INDICATORS, GREEN_TIERS, GreenMethodology } from './green-methodology';

/** A problem with a methodology document, at a path such as ['dimensions', 0, 'points']. */
export interface MethodologyIssue {
  path: Array<string | number>;
  message: string;
}

type Path = Array<string | number>;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

class Checker {
  readonly issues: MethodologyIssue[] = [];
  add(path: Path, message: string): void {
    this.issues.push({ path, message });
  }
  obj(v: unknown, path: Path): Obj | undefined {
    if (isObj(v)) return v;
    this.add(path, 'must be an object');
    return undefined;
  }
  arr(v: unknown, path: Path, nonEmpty = true): unknown[] | undefined {
    if (!Array.isArray(v)) return void this.add(path, 'must be an array');
    if (nonEmpty && v.length === 0) return void this.add(path, 'must not be empty');
    return v;
  }
  str(v: unknown, path: Path): string | undefined {
    if (typeof v === 'string' && v.trim() !== '') return v;
    return void this.add(path, 'must be a non-empty string');
  }
  num(v: unknown, path: Path, min = -Infinity, max = Infinity): number | undefined {
    if (isNum(v) && v >= min && v <= max) return v;
    return void this.add(path, `must be a number from ${min} to ${max}`);
  }
  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: Path): T | undefined {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    return void this.add(path, `must be one of ${allowed.join(', ')}`);
  }
  provenance(v: unknown, path: Path): void {
    const o = this.obj(v, path);
    if (!o) return;
    this.oneOf(o.origin, ['standard', 'platform'], [...path, 'origin']);
    this.str(o.source, [...path, 'source']);
  }
}

function checkBands(c: Checker, v: unknown, path: Path, key: 'level' | 'grade'): void {
  const bands = c.arr(v, path);
  bands?.forEach((b, i) => {
    const o = c.obj(b, [...path, i]);
    if (!o) return;
    if (o[key] === undefined) c.add([...path, i, key], 'is required');
    const last = i === bands.length - 1;
    if (last && o.upTo !== null) c.add([...path, i, 'upTo'], 'the last band must be unbounded (null)');
    if (!last && c.num(o.upTo, [...path, i, 'upTo'], 0) !== undefined) {
      const prev = i > 0 ? (bands[i - 1] as Obj).upTo : undefined;
      if (isNum(prev) && (o.upTo as number) <= prev) c.add([...path, i, 'upTo'], 'bounds must increase');
    }
  });
}

function checkDimensions(c: Checker, v: unknown): void {
  const dims = c.arr(v, ['dimensions']);
  if (!dims) return;
  const seenDims = new Set<string>();
  const seenIndicators = new Set<string>();
  let points = 0;
  dims.forEach((d, i) => {
    const o = c.obj(d, ['dimensions', i]);
    if (!o) return;
    const dim = c.oneOf(o.dimension, GREEN_DIMENSIONS, ['dimensions', i, 'dimension']);
    if (dim && seenDims.has(dim)) c.add(['dimensions', i, 'dimension'], `${dim} appears twice`);
    if (dim) seenDims.add(dim);
    points += c.num(o.points, ['dimensions', i, 'points'], 0, 100) ?? 0;
    const inds = c.arr(o.indicators, ['dimensions', i, 'indicators']);
    let weight = 0;
    inds?.forEach((w, j) => {
      const wo = c.obj(w, ['dimensions', i, 'indicators', j]);
      if (!wo) return;
      const id = c.oneOf(wo.indicator, GREEN_INDICATORS, ['dimensions', i, 'indicators', j, 'indicator']);
      if (id && seenIndicators.has(id)) c.add(['dimensions', i, 'indicators', j, 'indicator'], `${id} is weighted twice`);
      if (id) seenIndicators.add(id);
      weight += c.num(wo.weight, ['dimensions', i, 'indicators', j, 'weight'], 0, 1) ?? 0;
    });
    if (inds && !near(weight, 1)) c.add(['dimensions', i, 'indicators'], `weights must sum to 1; they sum to ${weight}`);
  });
  if (!near(points, 100)) c.add(['dimensions'], `points must sum to 100; they sum to ${points}`);
}

function checkReferences(c: Checker, v: unknown, directions: unknown): void {
  const o = c.obj(v, ['references']);
  if (!o) return;
  c.provenance(o.provenance, ['references', 'provenance']);
  const mode = c.oneOf(o.mode, ['table', 'distribution'], ['references', 'mode']);
  if (mode === 'distribution') {
    const base = c.num(o.baselinePercentile, ['references', 'baselinePercentile'], 0, 100);
    const lead = c.num(o.leadingPercentile, ['references', 'leadingPercentile'], 0, 100);
    if (base !== undefined && lead !== undefined && lead <= base) c.add(['references', 'leadingPercentile'], 'must be above baselinePercentile');
    c.num(o.minimumValues, ['references', 'minimumValues'], 1);
  }
  if (mode === 'table') {
    const table = c.obj(o.byIndustry, ['references', 'byIndustry']);
    for (const [industry, row] of Object.entries(table ?? {})) {
      for (const [indicator, pair] of Object.entries(c.obj(row, ['references', 'byIndustry', industry]) ?? {})) {
        const path = ['references', 'byIndustry', industry, indicator];
        c.oneOf(indicator, GREEN_INDICATORS, path);
        const p = c.obj(pair, path);
        const baseline = c.num(p?.baseline, [...path, 'baseline']);
        const leading = c.num(p?.leading, [...path, 'leading']);
        const direction = isObj(directions) ? directions[indicator] : undefined;
        if (baseline === undefined || leading === undefined) continue;
        if ((direction === 'lower-is-better' && leading > baseline) || (direction === 'higher-is-better' && leading < baseline)) {
          c.add([...path, 'leading'], `must be at least as good as the baseline for a ${direction} indicator`);
        }
      }
    }
  }
}

function checkScoreBands(c: Checker, v: unknown, path: Path, seen: Set<string>): void {
  const bands = c.arr(v, path);
  bands?.forEach((b, i) => {
    const o = c.obj(b, [...path, i]);
    if (!o) return;
    const tier = c.oneOf(o.tier, GREEN_TIERS, [...path, i, 'tier']);
    if (tier && seen.has(tier)) c.add([...path, i, 'tier'], `${tier} appears twice`);
    if (tier) seen.add(tier);
    const min = c.num(o.minScore, [...path, i, 'minScore'], 0, 100);
    const prev = i > 0 ? (bands[i - 1] as Obj).minScore : undefined;
    if (min !== undefined && isNum(prev) && min >= prev) c.add([...path, i, 'minScore'], 'bounds must decrease, best tier first');
    if (i === bands.length - 1 && min !== undefined && min !== 0) c.add([...path, i, 'minScore'], 'the last band must start at 0');
  });
}

function checkTiers(c: Checker, v: unknown): void {
  const o = c.obj(v, ['tiers']);
  if (!o) return;
  c.provenance(o.provenance, ['tiers', 'provenance']);
  const mode = c.oneOf(o.mode, ['share', 'threshold'], ['tiers', 'mode']);
  const seen = new Set<string>();
  if (mode === 'threshold') checkScoreBands(c, o.bands, ['tiers', 'bands'], seen);
  if (mode !== 'share') return;
  c.num(o.qualifyingScore, ['tiers', 'qualifyingScore'], 0, 100);
  const shares = c.arr(o.shares, ['tiers', 'shares']);
  let total = 0;
  shares?.forEach((s, i) => {
    const so = c.obj(s, ['tiers', 'shares', i]);
    const tier = c.oneOf(so?.tier, GREEN_TIERS, ['tiers', 'shares', i, 'tier']);
    if (tier && seen.has(tier)) c.add(['tiers', 'shares', i, 'tier'], `${tier} appears twice`);
    if (tier) seen.add(tier);
    total += c.num(so?.share, ['tiers', 'shares', i, 'share'], 0, 1) ?? 0;
  });
  if (shares && !near(total, 1)) c.add(['tiers', 'shares'], `shares must sum to 1; they sum to ${total}`);
  checkScoreBands(c, o.belowQualifying, ['tiers', 'belowQualifying'], seen);
}

function checkRest(c: Checker, o: Obj): void {
  const grid = c.obj(o.grid, ['grid']);
  if (grid) {
    const basis = c.oneOf(grid.basis, ['national-average', 'excluding-market-non-fossil', 'regional'], ['grid', 'basis']);
    if (basis === 'regional') c.oneOf(grid.grid, ['north', 'northeast', 'east', 'central', 'northwest', 'south', 'southwest'], ['grid', 'grid']);
    c.provenance(grid.provenance, ['grid', 'provenance']);
  }
  const headline = c.obj(o.headlinePeriod, ['headlinePeriod']);
  c.oneOf(headline?.kind, ['month', 'quarter', 'year', 'rolling-12'], ['headlinePeriod', 'kind']);
  if (headline) c.provenance(headline.provenance, ['headlinePeriod', 'provenance']);
  const ce = c.obj(o.carbonEfficiency, ['carbonEfficiency']);
  if (ce) {
    c.str(ce.id, ['carbonEfficiency', 'id']);
    c.str(ce.version, ['carbonEfficiency', 'version']);
    c.num(ce.decimals, ['carbonEfficiency', 'decimals'], 0, 10);
    checkBands(c, ce.levels, ['carbonEfficiency', 'levels'], 'level');
    checkBands(c, ce.grades, ['carbonEfficiency', 'grades'], 'grade');
  }
  const directions = c.obj(o.directions, ['directions']);
  if (directions) for (const id of GREEN_INDICATORS) c.oneOf(directions[id], ['lower-is-better', 'higher-is-better'], ['directions', id]);
  const pollutants = c.obj(o.pollutants, ['pollutants']);
  c.oneOf(pollutants?.aggregation, ['sum', 'worst'], ['pollutants', 'aggregation']);
  const missing = c.obj(o.missingIndicators, ['missingIndicators']);
  c.oneOf(missing?.rule, ['redistribute'], ['missingIndicators', 'rule']);
  const colours = c.obj(o.colours, ['colours']);
  if (colours) {
    for (const tier of GREEN_TIERS) {
      const colour = c.obj(colours[tier], ['colours', tier]);
      if (colour && !/^#[0-9A-Fa-f]{6}$/.test(String(colour.hex))) c.add(['colours', tier, 'hex'], 'must be #RRGGBB');
    }
  }
  const vetoes = c.obj(o.vetoes, ['vetoes']);
  if (vetoes) {
    c.arr(vetoes.violationSeverities, ['vetoes', 'violationSeverities'], false)?.forEach((s, i) =>
      c.oneOf(s, ['minor', 'general', 'serious', 'major'], ['vetoes', 'violationSeverities', i]),
    );
    if (typeof vetoes.unresolvedWarnings !== 'boolean') c.add(['vetoes', 'unresolvedWarnings'], 'must be true or false');
    if (!Number.isInteger(vetoes.allowedMissingMonths) || (vetoes.allowedMissingMonths as number) < 0) {
      c.add(['vetoes', 'allowedMissingMonths'], 'must be an integer >= 0');
    }
    c.provenance(vetoes.provenance, ['vetoes', 'provenance']);
  }
  if (!Number.isInteger(o.decimals) || (o.decimals as number) < 0 || (o.decimals as number) > 10) c.add(['decimals'], 'must be an integer from 0 to 10');
}

/** Every problem with a methodology document (an administrator's upload, a stored version), each at its field's path. */
export function greenMethodologyIssues(doc: unknown): MethodologyIssue[] {
  const c = new Checker();
  const o = c.obj(doc, []);
  if (!o) return c.issues;
  c.str(o.id, ['id']);
  c.str(o.version, ['version']);
  if (typeof o.effectiveFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.effectiveFrom) || Number.isNaN(Date.parse(o.effectiveFrom))) {
    c.add(['effectiveFrom'], 'must be a date YYYY-MM-DD');
  }
  c.str(o.note, ['note']);
  c.arr(o.sources, ['sources'])?.forEach((s, i) => c.str(s, ['sources', i]));
  checkRest(c, o);
  checkDimensions(c, o.dimensions);
  checkReferences(c, o.references, o.directions);
  checkTiers(c, o.tiers);
  return c.issues;
}

/** The document as a methodology, or its issues. */
export function parseGreenMethodology(doc: unknown): { ok: true; value: GreenMethodology } | { ok: false; issues: MethodologyIssue[] } {
  const issues = greenMethodologyIssues(doc);
  return issues.length === 0 ? { ok: true, value: doc as GreenMethodology } : { ok: false, issues };
}
