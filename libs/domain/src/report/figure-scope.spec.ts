import { figuresOutsideScope } from './figure-scope';

describe('figuresOutsideScope', () => {
  it.each<[string, string[], string[], string[]]>([
    ['an allowed key', ['energy.electricity'], ['energy.electricity'], []],
    ['a key not allowed', ['energy.natural_gas'], ['energy.electricity'], ['energy.natural_gas']],
    ['a group allows its keys', ['energy.natural_gas', 'energy.electricity'], ['energy'], []],
    ['a group is not a prefix of another name', ['energyX'], ['energy'], ['energyX']],
    ['a nested group', ['water.newWaterM3', 'water.reusedM3', 'valueAdded'], ['water', 'outputValue'], ['valueAdded']],
    ['nothing allowed', ['valueAdded'], [], ['valueAdded']],
    ['nothing given', [], ['energy'], []],
  ])('%s', (_case, keys, allowed, outside) => {
    expect(figuresOutsideScope(keys, allowed)).toEqual(outside);
  });
});
