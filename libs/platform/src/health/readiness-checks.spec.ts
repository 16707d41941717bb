import pino from 'pino';
import { ReadinessChecks } from './readiness-checks';

describe('ReadinessChecks', () => {
  const logger = pino({ level: 'silent' });

  it('says only up or down per dependency, never why', async () => {
    const checks = new ReadinessChecks(logger);
    checks.register('mongo', async () => undefined);
    checks.register('redis', async () => {
      throw new Error('connect ECONNREFUSED 10.1.2.3:6379 (password for user gec rejected)');
    });
    const result = await checks.run();
    expect(result).toEqual({ ready: false, checks: { mongo: 'up', redis: 'down' } });
    expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|password/);
  });

  it('checks at most once however many probes arrive together, and answers probes within a second from that run', async () => {
    let now = 1_000_000;
    let calls = 0;
    let release!: () => void;
    const checks = new ReadinessChecks(logger, 2000, () => now);
    checks.register('kafka', () => {
      calls++;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const probes = Array.from({ length: 50 }, () => checks.run());
    release();
    expect(new Set(await Promise.all(probes)).size).toBe(1);
    expect(calls).toBe(1);

    now += 900;
    await checks.run();
    expect(calls).toBe(1);
    now += 200;
    const next = checks.run();
    release();
    await next;
    expect(calls).toBe(2);
  });

  it('counts a dependency that does not answer in time as down', async () => {
    const checks = new ReadinessChecks(logger, 20);
    checks.register('queues', () => new Promise(() => undefined));
    await expect(checks.run()).resolves.toEqual({ ready: false, checks: { queues: 'down' } });
  });
});
