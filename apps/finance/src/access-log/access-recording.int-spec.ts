import { spawn, ChildProcess, execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, freePort, IsolatedRun, request, RunningService, serviceReady, spawnService, startInProcess, TestPublisher, TokenClaims, waitFor, ratingChangedFixture } from '@gec/testing';
import { BanksRepository } from '../banks/banks.repository';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';

const BANK = 'cq-green-bank';

/**
 * A read of an enterprise's data by a bank is answered only once its record is kept (in Redis), and the record reaches
 * the enterprise's access log even if the process that answered dies at once; without Redis, the read is refused.
 */
describe('finance: access records kept before answering (real Kafka, database and Redis)', () => {
  const run = new IsolatedRun();
  let first: RunningService;
  let publisher: TestPublisher;
  let enterprises = 0;

  const newUscc = () => makeUscc(`91500000MA5K${String(++enterprises).padStart(5, '0')}`);
  const headers = (claims: TokenClaims) => run.authority.headers(claims);
  const self = (uscc: string) => headers({ role: 'enterprise', uscc });
  const eligibility = (service: { url: string }, uscc: string, as: Record<string, string>) => request('GET', `${service.url}/v1/eligibility/${uscc}`, undefined, as);
  const grant = async (uscc: string, body: object) => request('POST', `${first.url}/v1/enterprises/${uscc}/consents`, body, await self(uscc));
  const logged = async (uscc: string) => (await request('GET', `${first.url}/v1/enterprises/${uscc}/access-log`, undefined, await self(uscc))).body;

  const rating = (uscc: string) => ratingChangedFixture(uscc);

  /** An enterprise with a decision, consented to the bank. */
  async function consentedEnterprise(): Promise<{ uscc: string; consentId: string }> {
    const uscc = newUscc();
    await publisher.publish(TOPICS.ratingChanged, rating(uscc));
    const own = await self(uscc);
    await waitFor(`the decision for ${uscc}`, async () => (await eligibility(first, uscc, own)).status === 200);
    const granted = await grant(uscc, { bankId: BANK });
    expect(granted.status).toBe(201);
    return { uscc, consentId: granted.body.consentId };
  }

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    first = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance'))));
    await first.app.get(BanksRepository).upsert({ id: BANK, name: 'Chongqing Green Bank' });
    publisher = new TestPublisher(run.topicPrefix);
  });

  afterAll(async () => {
    await publisher?.close();
    await first?.close();
  });

  it('keeps in the access log a read answered by a process that was killed right after answering', async () => {
    const { uscc, consentId } = await consentedEnterprise();
    // A replica as a process of its own whose drainer would first run in an hour: its record can reach the log only
    // through another process draining the stream after it died.
    const doomed = await spawnService('finance', {
      env: run.env('finance', { KAFKA_CONSUMER_GROUP: 'finance-doomed', ACCESS_RECORD_DRAIN_MS: '3600000', LOG_LEVEL: 'warn' }),
      logDir: path.join(tmpdir(), 'gec-test-logs', run.id),
    });
    try {
      await serviceReady(doomed);
      expect((await eligibility(doomed, uscc, await headers({ role: 'bank', bankId: BANK }))).status).toBe(200);
    } finally {
      await doomed.kill();
    }
    expect(doomed.child.signalCode).toBe('SIGKILL');

    const log = await waitFor('the read in the access log', async () => {
      const body = await logged(uscc);
      return body?.entries?.length >= 1 && body;
    });
    expect(log.entries).toEqual([expect.objectContaining({ role: 'bank', bankId: BANK, basis: 'consent', consentId, resource: 'eligibility green-loan', service: 'finance' })]);
  }, 120_000);

  const withRedisServer = hasRedisServer() ? it : it.skip;
  withRedisServer('refuses with 503 a read it cannot record while Redis is down, and answers again once it is back', async () => {
    const { uscc } = await consentedEnterprise();
    // A Redis of this test's own (no persistence: a restart loses everything, the worst case).
    const port = await freePort();
    let redis = await startRedis(port);
    const isolated = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance', { KAFKA_CONSUMER_GROUP: 'finance-isolated', REDIS_URL: `redis://127.0.0.1:${port}` }))));
    try {
      const bank = await headers({ role: 'bank', bankId: BANK });
      const own = await self(uscc);
      expect((await eligibility(isolated, uscc, bank)).status).toBe(200);
      // Published before Redis goes (this Redis keeps nothing across a restart; production's appends to a file).
      await waitFor('the first read in the access log', async () => (await logged(uscc))?.entries?.length === 1);

      await stopRedis(redis);
      const refused = await eligibility(isolated, uscc, bank);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(refused.headers.get('retry-after')).toBe('1');
      // A read nobody records is still answered.
      expect((await eligibility(isolated, uscc, own)).status).toBe(200);

      redis = await startRedis(port);
      await waitFor('the bank to be answered again', async () => (await eligibility(isolated, uscc, bank)).status === 200, { timeoutMs: 15_000, intervalMs: 200 });
      // Both answered reads reach the log, the second through a stream Redis had to make anew.
      await waitFor('both answered reads in the access log', async () => (await logged(uscc))?.entries?.length === 2);
    } finally {
      // Closing needs its Redis (queues and subscriptions say goodbye), whatever happened above.
      if (redis.exitCode !== null || redis.signalCode !== null) redis = await startRedis(port);
      await isolated.close();
      await stopRedis(redis);
    }
  }, 60_000);
});

function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitFor(
    `redis-server on port ${port}`,
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      }),
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  return redis;
}

async function stopRedis(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = new Promise((resolve) => redis.once('exit', resolve));
  redis.kill('SIGKILL');
  await exited;
}
