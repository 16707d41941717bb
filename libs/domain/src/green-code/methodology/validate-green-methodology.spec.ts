import { GREEN_CODE_2026_1, GREEN_METHODOLOGIES } from './default-green-methodology';
import { tableMethodology } from '../fixtures.spec-helper';
import { greenMethodologyIssues, parseGreenMethodology } from './validate-green-methodology';

const clone = () => JSON.parse(JSON.stringify(GREEN_CODE_2026_1));
type Doc = ReturnType<typeof clone>;

describe('greenMethodologyIssues', () => {
  it.each(Object.keys(GREEN_METHODOLOGIES))('accepts the shipped methodology %s', (key) => {
    expect(greenMethodologyIssues(JSON.parse(JSON.stringify(GREEN_METHODOLOGIES[key])))).toEqual([]);
  });

  it('accepts a table-mode methodology', () => {
    expect(greenMethodologyIssues(JSON.parse(JSON.stringify(tableMethodology())))).toEqual([]);
  });

  it.each<[string, (d: Doc) => void, Array<string | number>]>([
    ['no id', (d) => delete d.id, ['id']],
    ['a bad effective date', (d) => (d.effectiveFrom = '2026-1-1'), ['effectiveFrom']],
    ['no sources', (d) => (d.sources = []), ['sources']],
    ['an unknown grid basis', (d) => (d.grid.basis = 'provincial'), ['grid', 'basis']],
    ['a regional basis without its grid', (d) => (d.grid = { basis: 'regional', provenance: d.grid.provenance }), ['grid', 'grid']],
    ['an unknown headline period', (d) => (d.headlinePeriod.kind = 'week'), ['headlinePeriod', 'kind']],
    ['K grades out of order', (d) => (d.carbonEfficiency.grades[1].upTo = 0.5), ['carbonEfficiency', 'grades', 1, 'upTo']],
    ['a bounded last K grade', (d) => (d.carbonEfficiency.grades[4].upTo = 9), ['carbonEfficiency', 'grades', 4, 'upTo']],
    ['a missing direction', (d) => delete d.directions.waterReuseRate, ['directions', 'waterReuseRate']],
    ['dimension points not summing to 100', (d) => (d.dimensions[0].points = 30), ['dimensions']],
    ['indicator weights not summing to 1', (d) => (d.dimensions[1].indicators[0].weight = 0.5), ['dimensions', 1, 'indicators']],
    ['an unknown indicator', (d) => (d.dimensions[2].indicators[0].indicator = 'noise'), ['dimensions', 2, 'indicators', 0, 'indicator']],
    ['an indicator weighted twice', (d) => (d.dimensions[3].indicators[0].indicator = 'energyIntensity'), ['dimensions', 3, 'indicators', 0, 'indicator']],
    ['a dimension twice', (d) => (d.dimensions[4].dimension = 'green-products'), ['dimensions', 4, 'dimension']],
    ['leading percentile below baseline', (d) => (d.references.leadingPercentile = 40), ['references', 'leadingPercentile']],
    ['a reference without provenance', (d) => delete d.references.provenance, ['references', 'provenance']],
    ['shares not summing to 1', (d) => (d.tiers.shares[0].share = 0.1), ['tiers', 'shares']],
    ['a tier twice', (d) => (d.tiers.belowQualifying[0].tier = 'B'), ['tiers', 'belowQualifying', 0, 'tier']],
    ['a last band above 0', (d) => (d.tiers.belowQualifying[1].minScore = 10), ['tiers', 'belowQualifying', 1, 'minScore']],
    ['a bad colour', (d) => (d.colours.D.hex = 'red'), ['colours', 'D', 'hex']],
    ['an unknown severity', (d) => (d.vetoes.violationSeverities = ['grave']), ['vetoes', 'violationSeverities', 0]],
    ['a negative missing-month allowance', (d) => (d.vetoes.allowedMissingMonths = -1), ['vetoes', 'allowedMissingMonths']],
    ['a provenance of unknown origin', (d) => (d.tiers.provenance.origin = 'folklore'), ['tiers', 'provenance', 'origin']],
    ['an unknown pollutant aggregation', (d) => (d.pollutants.aggregation = 'mean'), ['pollutants', 'aggregation']],
    ['fractional decimals', (d) => (d.decimals = 2.5), ['decimals']],
  ])('names the field for %s', (_label, breakIt, path) => {
    const doc = clone();
    breakIt(doc);
    expect(greenMethodologyIssues(doc).map((i) => i.path)).toContainEqual(path);
  });

  it('checks threshold tiers and table references', () => {
    const doc = JSON.parse(JSON.stringify(tableMethodology()));
    doc.references.byIndustry[''].energyIntensity = { baseline: 0.3, leading: 0.5 };
    doc.tiers = { mode: 'threshold', bands: [{ tier: 'A', minScore: 70 }, { tier: 'B', minScore: 80 }], provenance: { origin: 'platform', source: 'x' } };
    expect(greenMethodologyIssues(doc).map((i) => i.path)).toEqual([
      ['references', 'byIndustry', '', 'energyIntensity', 'leading'],
      ['tiers', 'bands', 1, 'minScore'],
      ['tiers', 'bands', 1, 'minScore'],
    ]);
  });

  it.each([null, 'text', []])('refuses %j as a document', (doc) => {
    expect(parseGreenMethodology(doc)).toEqual({ ok: false, issues: [{ path: [], message: 'must be an object' }] });
  });
});
