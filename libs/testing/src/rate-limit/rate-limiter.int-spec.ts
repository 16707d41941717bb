import pino from 'pino';
import { DomainError, RateLimiter, RedisConnection } from '@gec/platform';
import { IsolatedRun } from '../isolated-run';
import { testInfra } from '../test-infra';

describe('rate limits shared by replicas through Redis (platform, real Redis)', () => {
  const run = new IsolatedRun();
  const logger = pino({ level: 'silent' });
  const redis = new RedisConnection(testInfra().redisUrl);

  beforeAll(() => redis.open());
  afterAll(() => redis.close());

  const refused = (limiter: RateLimiter, key: string) => {
    try {
      limiter.consume(key);
      return null;
    } catch (error) {
      return error instanceof DomainError ? error : null;
    }
  };

  it('never lets one replica alone admit more than the limit, and says when to come back', () => {
    const alone = new RateLimiter(redis, `${run.id}-alone`, 5, logger);
    for (let i = 0; i < 5; i++) expect(refused(alone, 'admin:x')).toBeNull();
    const error = refused(alone, 'admin:x');
    expect(error?.code).toBe('rate-limited');
    expect(Number(error?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it("counts every replica's requests once the counts are synced", async () => {
    const prefix = `${run.id}-shared`;
    const [a, b] = [new RateLimiter(redis, prefix, 5, logger), new RateLimiter(redis, prefix, 5, logger)];
    for (let i = 0; i < 3; i++) a.consume('bank:officer');
    await a.sync();
    b.consume('bank:officer');
    // b learns the 3 requests a admitted, and counts its own on top.
    await b.sync();
    expect(refused(b, 'bank:officer')).toBeNull();
    expect(refused(b, 'bank:officer')?.code).toBe('rate-limited');
    expect(await redis.requests.get(`${prefix}:rate:bank:officer:${Math.floor(Date.now() / 60000)}`)).toBe('4');
  });
});
