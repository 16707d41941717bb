import { ConfigError, loadConfig } from './load-config';
import { platformConfigSchema } from './platform-config.schema';

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
  ])('names the bad variable %s=%s', (name, value) => {
    expect(() => loadConfig(schema, { [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
