import { ConfigError } from '@gec/platform';
import { readFinanceConfig } from '../../finance.config';

describe('FINANCE_BANKS', () => {
  it('defaults to Chongqing Green Bank', () => {
    expect(readFinanceConfig({}).FINANCE_BANKS).toEqual([{ id: 'cq-green-bank', name: 'Chongqing Green Bank' }]);
  });

  it('reads banks from JSON, trimming names, and accepts none', () => {
    const banks = [{ id: 'cq-rural-bank', name: ' Chongqing Rural Bank ' }, { id: 'zj-bank', name: 'Zhejiang Bank' }];
    expect(readFinanceConfig({ FINANCE_BANKS: JSON.stringify(banks) }).FINANCE_BANKS).toEqual([
      { id: 'cq-rural-bank', name: 'Chongqing Rural Bank' },
      { id: 'zj-bank', name: 'Zhejiang Bank' },
    ]);
    expect(readFinanceConfig({ FINANCE_BANKS: '[]' }).FINANCE_BANKS).toEqual([]);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not a list', '{}'],
    ['a bad id', '[{"id":"CQ Bank","name":"X"}]'],
    ['a one-letter id', '[{"id":"x","name":"X"}]'],
    ['an empty name', '[{"id":"cq-bank","name":"  "}]'],
    ['an unexpected field', '[{"id":"cq-bank","name":"X","colour":"green"}]'],
    ['duplicate ids', '[{"id":"cq-bank","name":"X"},{"id":"cq-bank","name":"Y"}]'],
  ])('fails naming FINANCE_BANKS when it is %s', (_case, value) => {
    expect(() => readFinanceConfig({ FINANCE_BANKS: value })).toThrow(ConfigError);
    expect(() => readFinanceConfig({ FINANCE_BANKS: value })).toThrow(/FINANCE_BANKS[.\w]*:/);
  });

  it('leaves the platform signing key optional', () => {
    expect(readFinanceConfig({}).AUTH_PLATFORM_SIGNING_KEY_FILE).toBeUndefined();
    expect(readFinanceConfig({ AUTH_PLATFORM_SIGNING_KEY_FILE: '/run/secrets/platform-signing-key.json' }).AUTH_PLATFORM_SIGNING_KEY_FILE).toBe('/run/secrets/platform-signing-key.json');
  });
});
