import { chooseFigures, SourceFigures } from './figure-sources';
import { sourceDisagreementWarnings } from './source-disagreement';

const self = (figures: Record<string, number>): SourceFigures => ({ source: 'self', kind: 'self', submittedAt: '2026-11-01T00:00:00Z', figures });
const provider = (id: string, figures: Record<string, number>): SourceFigures => ({ source: `provider:${id}`, kind: 'provider', submittedAt: '2026-11-02T00:00:00Z', figures });

describe('sourceDisagreementWarnings', () => {
  it.each<[string, SourceFigures[], number, string[]]>([
    ['one source', [self({ 'energy.electricity': 100 })], 0.05, []],
    ['agreeing sources', [self({ 'energy.electricity': 100 }), provider('grid', { 'energy.electricity': 103 })], 0.05, []],
    ['disagreeing sources', [self({ 'energy.electricity': 650000 }), provider('grid', { 'energy.electricity': 700000 })], 0.05, ['energy.electricity']],
    ['only the figures that disagree', [self({ 'energy.electricity': 100, valueAdded: 10 }), provider('s', { 'energy.electricity': 100, valueAdded: 20 })], 0.05, ['valueAdded']],
    ['a wide tolerance', [self({ valueAdded: 10 }), provider('s', { valueAdded: 12 })], 0.5, []],
  ])('%s', (_case, sources, tolerance, fields) => {
    const warnings = sourceDisagreementWarnings(chooseFigures(sources, ['provider', 'self'], tolerance), tolerance);
    expect(warnings.map((w) => w.field)).toEqual(fields);
    for (const w of warnings) expect(w.code).toBe('source-disagreement');
  });

  it('names the figure, the sources and their values', () => {
    const [warning] = sourceDisagreementWarnings(chooseFigures([self({ 'energy.electricity': 650000 }), provider('cq-grid', { 'energy.electricity': 700000 })]));
    expect(warning.message).toBe('energy.electricity: provider:cq-grid gives 700000 (used), self gives 650000 (7.1% apart); more than the 5% tolerance');
  });
});
