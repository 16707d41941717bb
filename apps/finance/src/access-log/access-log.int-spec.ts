import { randomUUID } from 'node:crypto';
import { DataAccessed } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { Retention } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess } from '@gec/testing';
import { createFinanceApp } from '../finance.app';
import { readFinanceConfig } from '../finance.config';
import { AccessLogRepository } from './access-log.repository';

/**
 * The access log is bounded: one record per document (the first design kept a month in one document, which stopped
 * taking records at the 16 MB document limit, about 50,000 reads), paged when read, and deleted after its retention.
 */
describe('finance: the access log at volume (real database)', () => {
  const run = new IsolatedRun();
  let finance: RunningService;
  let logs: AccessLogRepository;
  let serial = 0;
  const newUscc = () => makeUscc(`91500000MA6L${String(++serial).padStart(5, '0')}`);
  const record = (uscc: string, accessedAt: string, resource = 'eligibility green-loan'): DataAccessed => ({
    accessId: randomUUID(), uscc, service: 'finance', resource, subject: 'officer-1', role: 'bank',
    bankId: 'cq-green-bank', regionPrefix: null, basis: 'consent', consentId: 'consent-1', accessedAt,
  });
  const logOf = async (uscc: string, query: string) =>
    request('GET', `${finance.url}/v1/enterprises/${uscc}/access-log?${query}`, undefined, await run.authority.headers({ role: 'enterprise', uscc }));

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    finance = await startInProcess(() => createFinanceApp(readFinanceConfig(run.env('finance', { ACCESS_LOG_RETENTION_DAYS: '30' }))));
    logs = finance.app.get(AccessLogRepository);
  });
  afterAll(() => finance?.close());

  it('keeps more than 16 MB of reads of one enterprise in one month, and pages through them newest first', async () => {
    const uscc = newUscc();
    const start = Date.parse('2026-10-01T00:00:00.000Z');
    // 18,000 records of ~1 KB each: past the document limit sooner than 50,000 of the usual ~300 bytes would be.
    const all = Array.from({ length: 18_000 }, (_, i) => record(uscc, new Date(start + i * 120_000).toISOString(), `reports 2026-09 ${'x'.repeat(1000)}`));
    for (let i = 0; i < all.length; i += 3000) await logs.append(all.slice(i, i + 3000));

    const first = await logOf(uscc, 'month=2026-10&limit=3');
    expect(first.status).toBe(200);
    expect(first.body.entries.map((e: DataAccessed) => e.accessId)).toEqual(all.slice(-3).reverse().map((r) => r.accessId));
    const second = await logOf(uscc, `month=2026-10&limit=3&after=${first.body.next}`);
    expect(second.body.entries.map((e: DataAccessed) => e.accessId)).toEqual(all.slice(-6, -3).reverse().map((r) => r.accessId));
  }, 120_000);

  it('keeps a record delivered twice once, and ends the last page with next: null', async () => {
    const uscc = newUscc();
    const records = [record(uscc, '2026-09-10T08:00:00.000Z'), record(uscc, '2026-09-11T08:00:00.000Z')];
    await logs.append(records);
    await logs.append([records[1], record(uscc, '2026-09-12T08:00:00.000Z')]);
    const page = (await logOf(uscc, 'month=2026-09&limit=5')).body;
    expect(page.entries).toHaveLength(3);
    expect(page.next).toBeNull();
  });

  it('answers 400 naming the field for a cursor it did not write or a limit out of range', async () => {
    const uscc = newUscc();
    for (const [query, field] of [['after=not-a-cursor', 'after'], ['limit=0', 'limit'], ['limit=501', 'limit']]) {
      const response = await logOf(uscc, query);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });

  it('deletes records older than ACCESS_LOG_RETENTION_DAYS', async () => {
    const uscc = newUscc();
    const now = Date.now();
    const old = record(uscc, new Date(now - 31 * 86_400_000).toISOString());
    const recent = record(uscc, new Date(now - 29 * 86_400_000).toISOString());
    await logs.append([old, recent]);
    const deleted = await finance.app.get(Retention).sweep(new Date(now));
    expect(deleted.access_records).toBeGreaterThanOrEqual(1);
    const month = (r: DataAccessed) => r.accessedAt.slice(0, 7);
    const kept = async (r: DataAccessed) => (await logOf(uscc, `month=${month(r)}`)).body.entries.map((e: DataAccessed) => e.accessId);
    expect(await kept(old)).not.toContain(old.accessId);
    expect(await kept(recent)).toContain(recent.accessId);
  });
});
