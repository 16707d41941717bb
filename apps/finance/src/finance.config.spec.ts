import { GREEN_LOAN_DEFAULT_RULE } from '@gec/domain';
import { ConfigError } from '@gec/platform';
import { readFinanceConfig } from './finance.config';

describe('readFinanceConfig', () => {
  it('defaults to the green loan with the domain rule', () => {
    const config = readFinanceConfig({});
    expect(config.PORT).toBe(3104);
    expect(config.MONGO_DB).toBe('gec_finance');
    expect(config.FINANCE_PRODUCTS).toEqual([{ id: 'green-loan', name: 'Green loan', rule: GREEN_LOAN_DEFAULT_RULE }]);
  });

  it('reads products from JSON', () => {
    const products = [{ id: 'transition-bond', name: 'Transition bond', rule: { conditions: [{ field: 'grade', op: 'lte', value: 4 }] } }];
    expect(readFinanceConfig({ FINANCE_PRODUCTS: JSON.stringify(products) }).FINANCE_PRODUCTS).toEqual(products);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not a list', '{}'],
    ['an empty list', '[]'],
    ['an unknown condition', '[{"id":"x","name":"X","rule":{"conditions":[{"field":"k","op":"lte","value":1}]}}]'],
    ['a grade out of range', '[{"id":"x","name":"X","rule":{"conditions":[{"field":"grade","op":"lte","value":9}]}}]'],
    ['an unknown level', '[{"id":"x","name":"X","rule":{"conditions":[{"field":"level","op":"notIn","value":["huge"]}]}}]'],
    ['a bad id', '[{"id":"Green Loan","name":"X","rule":{"conditions":[]}}]'],
    ['duplicate ids', '[{"id":"x","name":"X","rule":{"conditions":[]}},{"id":"x","name":"Y","rule":{"conditions":[]}}]'],
  ])('fails naming FINANCE_PRODUCTS when it is %s', (_case, value) => {
    expect(() => readFinanceConfig({ FINANCE_PRODUCTS: value })).toThrow(ConfigError);
    expect(() => readFinanceConfig({ FINANCE_PRODUCTS: value })).toThrow(/FINANCE_PRODUCTS[.\w]*:/);
  });
});
