import { permitWarnings, plausibilityWarnings } from './plausibility';

describe('permitWarnings', () => {
  it.each<[string, Parameters<typeof permitWarnings>, Array<[string, RegExp]>]>([
    ['no permit', [{ so2T: 5 }, [], undefined], []],
    ['nothing reported', [undefined, [{ so2T: 100 }], { so2T: 1 }], []],
    ['within the permit', [{ so2T: 5 }, [{ so2T: 3 }, { so2T: 4 }], { so2T: 12 }], []],
    ['exactly the permit', [{ so2T: 5 }, [{ so2T: 7 }], { so2T: 12 }], []],
    ['the year so far above the permit', [{ so2T: 5 }, [{ so2T: 4 }, undefined, { noxT: 9 }, { so2T: 4 }], { so2T: 12 }], [['pollutants.so2T', /SO2 so far this year \(13 t\) exceeds the permitted annual amount \(12 t\)/]]],
    ['this month alone above the permit', [{ codT: 3 }, [], { codT: 2.5 }], [['pollutants.codT', /COD .*\(3 t\).*\(2.5 t\)/]]],
    ['a pollutant not in the permit', [{ noxT: 50 }, [], { so2T: 1 }], []],
    ['a permitted pollutant not reported this month', [{ noxT: 1 }, [{ so2T: 100 }], { so2T: 1, noxT: 10 }], []],
    [
      'several pollutants',
      [{ vocsT: 2, ammoniaNitrogenT: 0.2, particulateT: 1 }, [{ vocsT: 1, ammoniaNitrogenT: 0.2 }], { vocsT: 2.5, ammoniaNitrogenT: 0.3, particulateT: 5 }],
      [
        ['pollutants.vocsT', /VOCs/],
        ['pollutants.ammoniaNitrogenT', /ammonia nitrogen .*\(0.4 t\)/],
      ],
    ],
  ])('%s', (_case, args, expected) => {
    const warnings = permitWarnings(...args);
    expect(warnings.map((w) => w.code)).toEqual(expected.map(() => 'pollutant-above-permit'));
    expect(warnings.map((w) => w.field)).toEqual(expected.map(([field]) => field));
    warnings.forEach((w, i) => expect(w.message).toMatch(expected[i][1]));
  });
});

describe('plausibilityWarnings', () => {
  it.each<[string, Parameters<typeof plausibilityWarnings>, string[]]>([
    ['plausible', [{ valueAdded: 10, outputValue: 20, energyTce: 5 }, { valueAdded: 11, outputValue: 20, energyTce: 5 }], []],
    ['value added above output', [{ valueAdded: 30, outputValue: 20, energyTce: 5 }], ['value-added-above-output']],
    ['energy jumped', [{ valueAdded: 10, outputValue: 20, energyTce: 60 }, { valueAdded: 10, outputValue: 20, energyTce: 5 }], ['month-on-month-jump']],
  ])('%s', (_case, args, codes) => expect(plausibilityWarnings(...args).map((w) => w.code)).toEqual(codes));
});
