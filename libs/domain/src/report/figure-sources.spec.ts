import { chooseFigures, relativeDifference, SourceFigures, SourceKind, usedFigures } from './figure-sources';

const self = (figures: Record<string, number>, submittedAt = '2026-11-01T00:00:00Z'): SourceFigures => ({ source: 'self', kind: 'self', submittedAt, figures });
const provider = (id: string, figures: Record<string, number>, submittedAt = '2026-11-02T00:00:00Z'): SourceFigures => ({ source: `provider:${id}`, kind: 'provider', submittedAt, figures });
const metered = (figures: Record<string, number>): SourceFigures => ({ source: 'metered:m1', kind: 'metered', submittedAt: '2026-11-03T00:00:00Z', figures });

describe('chooseFigures: precedence', () => {
  it.each<[string, SourceFigures[], SourceKind[], Record<string, string>]>([
    ['one source: its figures', [self({ 'energy.electricity': 100, valueAdded: 5 })], ['provider', 'self'], { 'energy.electricity': 'self', valueAdded: 'self' }],
    ['provider over self by default', [self({ 'energy.electricity': 100, valueAdded: 5 }), provider('grid', { 'energy.electricity': 120 })], ['provider', 'self'], { 'energy.electricity': 'provider:grid', valueAdded: 'self' }],
    ['self over provider when configured', [self({ 'energy.electricity': 100 }), provider('grid', { 'energy.electricity': 120 })], ['self', 'provider'], { 'energy.electricity': 'self' }],
    ['a figure only a provider gives', [self({ valueAdded: 5 }), provider('gas', { 'energy.natural_gas': 7 })], ['self', 'provider'], { 'energy.natural_gas': 'provider:gas', valueAdded: 'self' }],
    ['the latest of two providers', [provider('a', { valueAdded: 1 }, '2026-11-05T00:00:00Z'), provider('b', { valueAdded: 2 }, '2026-11-04T00:00:00Z')], ['provider', 'self'], { valueAdded: 'provider:a' }],
    ['an unlisted kind comes last', [self({ valueAdded: 1 }), metered({ valueAdded: 2 })], ['provider', 'self'], { valueAdded: 'self' }],
    ['metered first when listed first', [self({ valueAdded: 1 }), provider('x', { valueAdded: 3 }), metered({ valueAdded: 2 })], ['metered', 'provider', 'self'], { valueAdded: 'metered:m1' }],
  ])('%s', (_case, sources, precedence, used) => {
    const choices = chooseFigures(sources, precedence);
    expect(Object.fromEntries(choices.map((c) => [c.key, c.used.source]))).toEqual(used);
  });

  it('lists every source value, the used one first, and the used values by key', () => {
    const choices = chooseFigures([self({ 'energy.electricity': 100 }), provider('grid', { 'energy.electricity': 120 })]);
    expect(choices[0].values.map((v) => [v.source, v.value])).toEqual([['provider:grid', 120], ['self', 100]]);
    expect(usedFigures(choices)).toEqual({ 'energy.electricity': 120 });
  });
});

describe('chooseFigures: disagreement', () => {
  it.each([
    ['equal values', 100, 100, 0.05, false],
    ['within the tolerance', 100, 104, 0.05, false],
    ['just past the tolerance', 100, 106, 0.05, true],
    ['far apart', 650, 700, 0.05, true],
    ['a wider tolerance', 650, 700, 0.1, false],
    ['both zero', 0, 0, 0.05, false],
    ['zero against a value', 0, 1, 0.05, true],
  ])('%s: %p vs %p at %p -> %p', (_case, a, b, tolerance, disagrees) => {
    const [choice] = chooseFigures([self({ x: a }), provider('p', { x: b })], ['provider', 'self'], tolerance);
    expect(choice.disagrees).toBe(disagrees);
  });

  it.each([
    [100, 110, 10 / 110],
    [0, 0, 0],
    [-5, 5, 2],
  ])('relativeDifference(%p, %p) = %p', (a, b, expected) => {
    expect(relativeDifference(a, b)).toBeCloseTo(expected);
  });
});
