import { ConfigError, loadConfig } from './load-config';
import { acceptedAudiences, platformConfigSchema } from './platform-config.schema';

describe('loadConfig', () => {
  const schema = platformConfigSchema({ service: 'intake', port: 3101 });

  it('fills defaults', () => {
    const config = loadConfig(schema, {});
    expect(config.PORT).toBe(3101);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:19092']);
    expect(config.MONGO_DB).toBe('gec_intake');
  });

  it('parses broker lists', () => {
    expect(loadConfig(schema, { KAFKA_BROKERS: 'a:1, b:2' }).KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['KAFKA_BROKERS', 'nohostport'],
    ['MONGO_URL', 'http://x'],
    ['REDIS_URL', 'localhost:6379'],
    ['LOG_LEVEL', 'loud'],
    ['AUTH_JWKS_URL', 'http://idp.example.com/jwks.json'],
    ['AUTH_PLATFORM_JWKS_URL', 'http://finance.internal:3104/.well-known/jwks.json'],
    ['AUTH_JWKS_URL', 'ftp://idp.example.com/jwks.json'],
    ['AUTH_TOKEN_MAX_AGE_SECONDS', '0'],
    ['AUTH_TOKEN_MAX_AGE_SECONDS', 'forever'],
    ['AUTH_ACCEPTED_AUDIENCES', ' , '],
    ['AUTH_TOKEN_TYPES', 'at jwt'],
    ['TRUSTED_PROXIES', 'proxy.internal'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['TRUSTED_PROXIES', '10.0.0.1,300.1.1.1'],
    ['AUTH_REVOCATION_REFRESH_MS', '5'],
  ])('names the bad variable %s=%s', (name, value) => {
    expect(() => loadConfig(schema, { [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { [name]: value })).toThrow(new RegExp(`${name}[.\\d]*:`));
  });

  it('takes JWKS over https, and plain http only to a loopback host', () => {
    expect(loadConfig(schema, { AUTH_JWKS_URL: 'https://idp.example.com/jwks.json' }).AUTH_JWKS_URL).toBe('https://idp.example.com/jwks.json');
    for (const local of ['http://127.0.0.1:3104/.well-known/jwks.json', 'http://localhost:8080/jwks', 'http://[::1]:3104/jwks']) {
      expect(loadConfig(schema, { AUTH_PLATFORM_JWKS_URL: local }).AUTH_PLATFORM_JWKS_URL).toBe(local);
    }
    expect(() => loadConfig(schema, { AUTH_JWKS_URL: 'http://127.evil.example/jwks' })).toThrow(/AUTH_JWKS_URL: expected an https/);
  });

  it('accepts the platform-wide audience and its own unless told which', () => {
    expect(acceptedAudiences(loadConfig(schema, {}))).toEqual(['green-efficiency-code', 'green-efficiency-code/intake']);
    expect(acceptedAudiences(loadConfig(schema, { AUTH_ACCEPTED_AUDIENCES: 'https://intake.gec.example, gec-intake' }))).toEqual(['https://intake.gec.example', 'gec-intake']);
  });

  it('reads token rules and trusted proxies', () => {
    const config = loadConfig(schema, {});
    expect(config).toMatchObject({ AUTH_TOKEN_MAX_AGE_SECONDS: 3600, AUTH_TOKEN_TYPES: ['at+jwt'], TRUSTED_PROXIES: [] });
    expect(loadConfig(schema, { TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7,2001:db8::/32' }).TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.168.1.7', '2001:db8::/32']);
    expect(loadConfig(schema, { AUTH_TOKEN_TYPES: 'at+jwt,JWT' }).AUTH_TOKEN_TYPES).toEqual(['at+jwt', 'JWT']);
  });
});
