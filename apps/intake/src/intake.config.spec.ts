import { readIntakeConfig } from './intake.config';

describe('intake config: source precedence and tolerance', () => {
  it('defaults to provider over self, 5%', () => {
    const config = readIntakeConfig({});
    expect(config.INTAKE_SOURCE_PRECEDENCE).toEqual(['provider', 'self']);
    expect(config.INTAKE_SOURCE_TOLERANCE).toBe(0.05);
  });

  it('takes a configured order', () => {
    expect(readIntakeConfig({ INTAKE_SOURCE_PRECEDENCE: 'metered, self,provider' }).INTAKE_SOURCE_PRECEDENCE).toEqual(['metered', 'self', 'provider']);
  });

  it.each([
    ['an unknown kind', { INTAKE_SOURCE_PRECEDENCE: 'provider,bank' }, /INTAKE_SOURCE_PRECEDENCE/],
    ['a kind twice', { INTAKE_SOURCE_PRECEDENCE: 'self,self' }, /listed twice/],
    ['nothing', { INTAKE_SOURCE_PRECEDENCE: ' , ' }, /at least one/],
    ['a tolerance above 1', { INTAKE_SOURCE_TOLERANCE: '5' }, /INTAKE_SOURCE_TOLERANCE/],
  ])('fails at boot on %s', (_case, env, message) => {
    expect(() => readIntakeConfig(env)).toThrow(message);
  });
});
