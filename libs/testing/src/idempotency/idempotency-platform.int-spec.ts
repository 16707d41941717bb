import { Controller, Delete, Get, HttpCode, Module, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Allow, createLogger, createService, DomainError, loadConfig, platformConfigSchema, PlatformModule, RedisConnection, ServiceRuntime } from '@gec/platform';
import { IsolatedRun } from '../isolated-run';
import { request } from '../http-client';
import { RunningService, startInProcess } from '../running-service';
import { testInfra } from '../test-infra';
import { waitFor } from '../wait-for';

/** What the test controller did, so tests can count state changes rather than trust answers. */
class Ledger {
  calls = new Map<string, number>();
  things = new Set<string>();
  gate?: { entered: boolean; release: () => void; opened: Promise<void> };

  count(name: string): number {
    const n = (this.calls.get(name) ?? 0) + 1;
    this.calls.set(name, n);
    return n;
  }
}

const ledger = new Ledger();

@Controller('v1/test')
class EdgeCasesController {
  @Post('flaky')
  @Allow('admin')
  @HttpCode(201)
  flaky() {
    const n = ledger.count('flaky');
    if (n === 1) throw new Error('the first call fails unexpectedly');
    return { n };
  }

  @Post('busy')
  @Allow('admin')
  busy() {
    if (ledger.count('busy') === 1) throw DomainError.rateLimited(3);
    return { ok: true };
  }

  @Post('things/:id')
  @Allow('admin')
  @HttpCode(201)
  create(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    if (ledger.things.has(id)) throw DomainError.conflict(`thing ${id} exists`);
    ledger.things.add(id);
    void reply.header('location', `/v1/test/things/${id}`).header('x-per-request', String(ledger.count('create')));
    return { id, n: ledger.count('things') };
  }

  @Delete('things/:id')
  @Allow('admin')
  @HttpCode(204)
  remove(@Param('id') id: string): void {
    if (!ledger.things.delete(id)) throw DomainError.notFound(`no thing ${id}`);
  }

  @Post('slow')
  @Allow('admin')
  @HttpCode(201)
  async slow() {
    const gate = ledger.gate;
    if (gate) {
      gate.entered = true;
      await gate.opened;
    }
    return { n: ledger.count('slow') };
  }

  @Get('things')
  @Allow('admin')
  list() {
    return [...ledger.things];
  }
}

@Module({})
class EdgeCasesModule {}

/**
 * The platform's Idempotency-Key handling in a real service (createService: Fastify, the access guard, the
 * exception filter, Redis), with a controller that fails, is refused, sets Location, deletes and waits on demand.
 */
describe('Idempotency-Key in the platform (real service, real Redis)', () => {
  const run = new IsolatedRun();
  const replicas: RunningService[] = [];
  const redis = new RedisConnection(testInfra().redisUrl);
  let admin: Record<string, string>;
  let serial = 0;
  const key = () => `k-${++serial}`;

  async function boot(): Promise<RunningService> {
    const config = loadConfig(platformConfigSchema({ service: 'idem-test', port: 0 }), run.env('idem-test', { IDEMPOTENCY_KEY_TTL_HOURS: '2', IDEMPOTENCY_IN_FLIGHT_SECONDS: '30' }));
    const runtime = new ServiceRuntime(config, createLogger(config.SERVICE_NAME, config.LOG_LEVEL));
    return startInProcess(async () => ({
      app: await createService({ module: EdgeCasesModule, imports: [PlatformModule.forRoot(runtime)], controllers: [EdgeCasesController] }, runtime, { title: 'test', description: 'test' }),
      runtime,
    }));
  }

  const post = (replica: RunningService, path: string, idempotencyKey: string, body?: unknown) => request('POST', `${replica.url}/v1/test/${path}`, body, { ...admin, 'idempotency-key': idempotencyKey });

  beforeAll(async () => {
    await redis.open();
    admin = await run.authority.headers({ role: 'admin' });
    replicas.push(await boot(), await boot());
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await redis.close();
  });

  it('keeps no 5xx: a retry with the key runs the request again, and its answer is then kept', async () => {
    const k = key();
    const failed = await post(replicas[0], 'flaky', k);
    expect(failed.status).toBe(500);
    const retried = await post(replicas[0], 'flaky', k);
    expect(retried).toMatchObject({ status: 201, body: { n: 2 } });
    expect(await post(replicas[0], 'flaky', k)).toMatchObject({ status: 201, body: { n: 2 } });
    expect(ledger.calls.get('flaky')).toBe(2);
  });

  it('keeps no 429 either (it says "not now", not "this is the outcome")', async () => {
    const k = key();
    expect((await post(replicas[0], 'busy', k)).status).toBe(429);
    expect(await post(replicas[0], 'busy', k)).toMatchObject({ status: 201, body: { ok: true } });
    expect(ledger.calls.get('busy')).toBe(2);
  });

  it("replays Location but not the first request's own headers, from any replica", async () => {
    const k = key();
    const first = await post(replicas[0], 'things/a', k, { colour: 'green' });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe('/v1/test/things/a');
    const replayed = await post(replicas[1], 'things/a', k, { colour: 'green' });
    expect(replayed).toMatchObject({ status: 201, body: first.body });
    expect(replayed.headers.get('location')).toBe('/v1/test/things/a');
    expect(replayed.headers.get('x-per-request')).toBeNull();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(ledger.calls.get('things')).toBe(1);
  });

  it('replays a DELETE: 204 again, where a plain repeat gets 404', async () => {
    await post(replicas[0], 'things/b', key());
    const k = key();
    const remove = () => request('DELETE', `${replicas[0].url}/v1/test/things/b`, undefined, { ...admin, 'idempotency-key': k });
    expect((await remove()).status).toBe(204);
    const again = await remove();
    expect(again.status).toBe(204);
    expect(again.body).toBeUndefined();
    expect((await request('DELETE', `${replicas[0].url}/v1/test/things/b`, undefined, admin)).status).toBe(404);
  });

  it('answers 409 while the first request runs, on the other replica too, then the first answer', async () => {
    let release!: () => void;
    const opened = new Promise<void>((resolve) => (release = resolve));
    ledger.gate = { entered: false, release, opened };
    const k = key();
    const first = post(replicas[0], 'slow', k);
    await waitFor('the first request in its handler', () => ledger.gate?.entered === true);
    const [sameReplica, otherReplica] = await Promise.all([post(replicas[0], 'slow', k), post(replicas[1], 'slow', k)]);
    for (const answer of [sameReplica, otherReplica]) {
      expect(answer.status).toBe(409);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.any(String) }]);
    }
    // The in-flight marker expires on its own should the process die, so it holds the key for IDEMPOTENCY_IN_FLIGHT_SECONDS at most.
    const names = await redis.requests.keys(`${run.id}:idempotency:idem-test:*`);
    const records = await Promise.all(names.map(async (name) => ({ name, ttl: await redis.requests.pttl(name), value: await redis.requests.get(name) })));
    const [marker] = records.filter((record) => record.value?.includes('"pending"'));
    expect(marker.ttl).toBeGreaterThan(25_000);
    expect(marker.ttl).toBeLessThanOrEqual(30_000);
    ledger.gate.release();
    ledger.gate = undefined;
    const answered = await first;
    expect(answered.status).toBe(201);
    expect(await post(replicas[1], 'slow', k)).toMatchObject({ status: 201, body: answered.body });
    expect(ledger.calls.get('slow')).toBe(1);
    // The answer is kept for IDEMPOTENCY_KEY_TTL_HOURS.
    expect(await redis.requests.pttl(marker.name)).toBeGreaterThan(2 * 3_600_000 - 60_000);
  });

  it('documents the header on the changing operations', async () => {
    const document = (await request('GET', `${replicas[0].url}/docs-json`)).body;
    for (const [path, method] of [['/v1/test/flaky', 'post'], ['/v1/test/things/{id}', 'delete']]) {
      expect(document.paths[path][method].parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }));
      expect(document.paths[path][method].responses['422']).toBeDefined();
    }
    expect(JSON.stringify(document.paths['/v1/test/things'].get)).not.toContain('Idempotency-Key');
  });
});
