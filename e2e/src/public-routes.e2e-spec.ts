import path from 'node:path';
import { createPlatformTopics, IsolatedRun, request, serviceReady, ServiceProcess, spawnService } from '@gec/testing';

/**
 * The routes anyone may call without a token, against finance running as a process: each within the per-address
 * rate limit (but the health probes, which cost next to nothing), with minimal output; the client address taken
 * from X-Forwarded-For only behind a trusted proxy.
 */
describe('public routes (finance as a process)', () => {
  const run = new IsolatedRun();
  const limit = 5;
  let direct: ServiceProcess;
  let proxied: ServiceProcess;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    const logDir = path.resolve(__dirname, '../../.local/e2e-logs', run.id);
    // Two separate deployments (own database, consumer group and rate-limit counts): one reached directly, one behind
    // a proxy on the loopback address.
    const env = (name: string, extra: Record<string, string>) =>
      run.env('finance', { LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: String(limit), MONGO_DB: run.dbName(name), KAFKA_CONSUMER_GROUP: name, QUEUE_PREFIX: `${run.id}-${name}`, ...extra });
    [direct, proxied] = await Promise.all([
      spawnService('finance', { env: env('direct', {}), logDir: path.join(logDir, 'direct') }),
      spawnService('finance', { env: env('proxied', { TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' }), logDir: path.join(logDir, 'proxied') }),
    ]);
    await Promise.all([serviceReady(direct), serviceReady(proxied)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([direct?.stop(), proxied?.stop()]);
  });

  it('says only up or down per dependency on /health/ready', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => request('GET', `${direct.url}/health/ready`)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: 'up', checks: { mongo: 'up', redis: 'up', kafka: 'up', queues: 'up' } });
    }
  });

  it('limits the OpenAPI document and the metrics per client address, ignoring X-Forwarded-For from an untrusted peer, but not liveness', async () => {
    for (let i = 0; i < limit; i++) {
      const docs = await request('GET', `${direct.url}/docs-json`, undefined, { 'x-forwarded-for': `203.0.113.${i}` });
      expect(docs.status).toBe(200);
      expect(docs.body.openapi).toMatch(/^3\./);
    }
    const refused = await request('GET', `${direct.url}/docs-json`, undefined, { 'x-forwarded-for': '203.0.113.99' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await request('GET', `${direct.url}/metrics`)).status).toBe(429);
    for (let i = 0; i < 2 * limit; i++) expect((await request('GET', `${direct.url}/health/live`)).status).toBe(200);
  });

  it('behind a trusted proxy, limits the token exchange per client (the first untrusted address from the right of X-Forwarded-For)', async () => {
    const exchange = (forwardedFor: string) => request('POST', `${proxied.url}/v1/auth/token`, undefined, { 'x-forwarded-for': forwardedFor });
    for (let i = 0; i < limit; i++) expect((await exchange('203.0.113.1')).status).toBe(401);
    expect((await exchange('203.0.113.1')).status).toBe(429);
    // A client cannot escape its bucket by prepending an address of its choice; trusted hops on the right are skipped.
    expect((await exchange('198.51.100.7, 203.0.113.1')).status).toBe(429);
    expect((await exchange('203.0.113.1, 10.1.2.3')).status).toBe(429);
    // Another client behind the same proxy has a bucket of its own.
    expect((await exchange('203.0.113.2')).status).toBe(401);
    expect((await exchange('198.51.100.7, 203.0.113.2, 10.1.2.3')).status).toBe(401);
  });
});
