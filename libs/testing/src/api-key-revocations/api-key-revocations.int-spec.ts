import pino from 'pino';
import { ApiKeyRevocations, DomainError, RedisConnection, RevokedApiKeys } from '@gec/platform';
import { IsolatedRun } from '../isolated-run';
import { testInfra } from '../test-infra';
import { waitFor } from '../wait-for';

describe('the revoked API keys denylist shared by replicas through Redis (platform, real Redis)', () => {
  const run = new IsolatedRun();
  const logger = pino({ level: 'silent' });
  const connections: RedisConnection[] = [];
  const started: ApiKeyRevocations[] = [];

  const replica = async (refreshMs = 200) => {
    const redis = new RedisConnection(testInfra().redisUrl);
    connections.push(redis);
    await redis.open();
    const revocations = new ApiKeyRevocations(redis, run.id, new RevokedApiKeys(3 * refreshMs), logger, refreshMs);
    await revocations.start();
    started.push(revocations);
    return { redis, revocations, verdict: (keyId: string) => verdict(revocations.revoked, keyId) };
  };

  afterAll(async () => {
    for (const revocations of started) await revocations.stop();
    for (const redis of connections) await redis.close();
  });

  it("refuses in another replica a key revoked in one, at once (the notice) and for a key revoked before it started (the list)", async () => {
    const [a, b] = [await replica(60_000), await replica(60_000)];
    expect(b.verdict('1'.repeat(24))).toBe('accepted');
    const revokedAt = Date.now();
    await a.revocations.revoke('1'.repeat(24));
    expect(a.verdict('1'.repeat(24))).toBe('unauthenticated');
    await waitFor('the notice to reach the other replica', () => b.verdict('1'.repeat(24)) === 'unauthenticated', { timeoutMs: 1000, intervalMs: 5 });
    expect(Date.now() - revokedAt).toBeLessThan(1000);

    const late = await replica(60_000);
    expect(late.verdict('1'.repeat(24))).toBe('unauthenticated');
  });

  it('learns a revocation whose notice it missed at the next refresh', async () => {
    const b = await replica(200);
    // Written as revoke() writes it, but never announced (as if the subscription was down at the time).
    await b.redis.requests.zadd(`${run.id}:auth:revoked-api-keys`, Date.now(), '2'.repeat(24));
    expect(b.verdict('2'.repeat(24))).toBe('accepted');
    await waitFor('the refresh', () => b.verdict('2'.repeat(24)) === 'unauthenticated', { timeoutMs: 1000, intervalMs: 20 });
  });
});

function verdict(revoked: RevokedApiKeys, keyId: string): string {
  try {
    revoked.check(keyId);
    return 'accepted';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}
