import { parse } from 'csv-parse/sync';
import { EventEnvelope, ProfileChanged, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, TestPublisher, TopicReader, waitFor } from '@gec/testing';
import { createIntakeApp } from '../intake.app';
import { readIntakeConfig } from '../intake.config';

const plant1 = { id: 'plant-1', name: 'Yubei plant', regionCode: '500112', industryClass: 'C3041', siteAreaM2: 80_000, buildingFootprintM2: 30_000, floorAreaM2: 52_000 };
const plant2 = { id: 'plant-2', name: 'Changshou plant', regionCode: '500115', industryClass: 'C3042', siteAreaM2: 40_000, buildingFootprintM2: 12_000, floorAreaM2: 15_000 };
const january = {
  effectiveFrom: '2026-01',
  facilities: [plant1],
  certifications: [{ standard: 'ISO 14001', certificateNo: 'EMS-2025-001', validFrom: '2025-05-01', validUntil: '2028-04-30' }],
  greenFactory: [{ level: 'municipal', year: 2023 }],
  productFootprintShare: 0.2,
};
const june = {
  ...january,
  effectiveFrom: '2026-06',
  facilities: [plant1, plant2],
  greenFactory: [{ level: 'municipal', year: 2023 }, { level: 'provincial', year: 2026 }],
  permittedPollutants: { so2T: 10, codT: 5 },
};
const report = (period: string, extra: object = {}) => ({ period, valueAdded: 500, outputValue: 2000, energy: [{ carrier: 'electricity', quantity: 300, unit: 'MWh' }], ...extra });

describe('intake: enterprise profile, dated, with facilities', () => {
  const run = new IsolatedRun();
  const publisher = new TestPublisher(run.topicPrefix);
  let service: RunningService;
  let changed: TopicReader;
  // In Chongqing's Yubei district (500112); the other one in Hangzhou.
  const uscc = makeUscc('91500112MA5PRF001');
  const stranger = makeUscc('91330100MA5PRF002');
  const h = {} as Record<'own' | 'other' | 'admin' | 'regulatorIn' | 'regulatorOut' | 'bank', Record<string, string>>;
  const url = (path = '') => `${service.url}/v1/enterprises/${uscc}/profile${path}`;

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    const a = run.authority;
    Object.assign(h, {
      own: await a.headers({ role: 'enterprise', uscc }),
      other: await a.headers({ role: 'enterprise', uscc: stranger }),
      admin: await a.headers({ role: 'admin' }),
      regulatorIn: await a.headers({ role: 'regulator', region: '50' }),
      regulatorOut: await a.headers({ role: 'regulator', region: '33' }),
      bank: await a.headers({ role: 'bank', bankId: 'cq-green-bank' }),
    });
    service = await startInProcess(() => createIntakeApp(readIntakeConfig(run.env('intake'))));
    changed = await new TopicReader(publisher.physical(TOPICS.profileChanged)).start();
    for (const [code, headers] of [[uscc, h.own], [stranger, h.other]] as const) {
      expect((await request('POST', `${service.url}/v1/enterprises`, { uscc: code, name: `Profile ${code}`, industryCode: 'C3041' }, headers)).status).toBe(201);
    }
  }, 60000);

  afterAll(async () => {
    await Promise.all([changed?.stop(), publisher.close()]);
    await service?.close();
  });

  it('keeps dated versions: each month put is a version, the one in force is read by month, and each change is published', async () => {
    const first = await request('PUT', url(), january, h.own);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ uscc, effectiveFrom: '2026-01', revision: 1, facilities: [plant1], permittedPollutants: {} });
    const second = await request('PUT', url(), june, h.own);
    expect(second.body).toMatchObject({ effectiveFrom: '2026-06', revision: 1, permittedPollutants: { so2T: 10, codT: 5 } });

    const march = await request('GET', url('?at=2026-03'), undefined, h.own);
    expect(march.body).toMatchObject({ effectiveFrom: '2026-01', effectiveUntil: '2026-06', facilities: [plant1] });
    expect((await request('GET', url('?at=2026-06'), undefined, h.own)).body).toMatchObject({ effectiveFrom: '2026-06', facilities: [plant1, plant2] });
    const current = await request('GET', url(), undefined, h.own);
    expect(current.status).toBe(200);
    expect(current.body.effectiveFrom).toBe('2026-06');
    expect(current.body.effectiveUntil).toBeUndefined();
    const before = await request('GET', url('?at=2025-12'), undefined, h.own);
    expect(before.status).toBe(404);
    expect(before.body.errors).toEqual([expect.objectContaining({ field: 'at' })]);

    const events = await waitFor('two profile-changed events', () => changed.json<EventEnvelope<ProfileChanged>>().length >= 2 && changed.json<EventEnvelope<ProfileChanged>>());
    expect(events.map((e) => [e.key, e.payload.effectiveFrom, e.payload.revision])).toEqual([[uscc, '2026-01', 1], [uscc, '2026-06', 1]]);
    expect(events[1].payload).toMatchObject({ facilities: [plant1, plant2], permittedPollutants: { so2T: 10, codT: 5 } });
  });

  it('corrects a version by putting its month again: a new revision of that version only, the earlier kept', async () => {
    const corrected = await request('PUT', url(), { ...january, productFootprintShare: 0.25 }, h.own);
    expect(corrected.body).toMatchObject({ effectiveFrom: '2026-01', revision: 2, productFootprintShare: 0.25, effectiveUntil: '2026-06' });
    const versions = await request('GET', url('/versions'), undefined, h.own);
    expect(versions.status).toBe(200);
    expect(versions.body.versions.map((v: { effectiveFrom: string; revision: number }) => [v.effectiveFrom, v.revision])).toEqual([['2026-01', 2], ['2026-06', 1]]);
    await waitFor('the correction published', () => changed.json<EventEnvelope<ProfileChanged>>().some((e) => e.payload.effectiveFrom === '2026-01' && e.payload.revision === 2));
  });

  it('replays a PUT with the same Idempotency-Key instead of making another revision', async () => {
    const headers = { ...h.own, 'idempotency-key': `"${run.id}-profile"` };
    const body = { ...june, effectiveFrom: '2026-09' };
    const once = await request('PUT', url(), body, headers);
    const again = await request('PUT', url(), body, headers);
    expect(once.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(once.body);
    expect((await request('GET', url('?at=2026-09'), undefined, h.own)).body.revision).toBe(1);
  });

  it.each([
    ['a footprint larger than the site', { facilities: [{ ...plant1, buildingFootprintM2: 90_000 }] }, 'facilities[0].buildingFootprintM2', /larger than the site area/],
    ['a region not in GB/T 2260', { facilities: [{ ...plant1, regionCode: '500199' }] }, 'facilities[0].regionCode', /not a GB\/T 2260 division/],
    ['a division where a class is due', { facilities: [{ ...plant1, industryClass: 'C30' }] }, 'facilities[0].industryClass', /must be a GB\/T 4754-2017 class/],
    ['a class not in GB/T 4754', { facilities: [{ ...plant1, industryClass: 'C3043' }] }, 'facilities[0].industryClass', /does not exist/],
    ['two facilities with one id', { facilities: [plant1, { ...plant2, id: 'plant-1' }] }, 'facilities[1].id', /already used/],
    ['a facility id that is not a slug', { facilities: [{ ...plant1, id: 'Plant 1' }] }, 'facilities[0].id', /lower-case/],
    ['a certificate ending before it starts', { certifications: [{ ...january.certifications[0], validUntil: '2025-04-30' }] }, 'certifications[0].validUntil', /after validFrom/],
    ['another standard', { certifications: [{ ...january.certifications[0], standard: 'ISO 9001' }] }, 'certifications[0].standard', /./],
    ['a recognition level that does not exist', { greenFactory: [{ level: 'county', year: 2024 }] }, 'greenFactory[0].level', /./],
    ['a recognition after the version starts', { greenFactory: [{ level: 'national', year: 2027 }] }, 'greenFactory[0].year', /cannot be in a profile in force from 2026-01/],
    ['a share above 1', { productFootprintShare: 1.5 }, 'productFootprintShare', /./],
    ['a pollutant that is not listed', { permittedPollutants: { mercuryT: 1 } }, 'permittedPollutants.mercuryT', /unknown field/],
    ['a negative permit', { permittedPollutants: { noxT: -1 } }, 'permittedPollutants.noxT', /./],
    ['a month that does not exist', { effectiveFrom: '2026-13' }, 'effectiveFrom', /01-12/],
  ])('refuses %s with 400 naming the field', async (_label, change, field, reason) => {
    const response = await request('PUT', url(), { ...january, ...change }, h.own);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field, reason: expect.stringMatching(reason) }));
  });

  it('lets the enterprise itself and an administrator put it, a regulator of its region read it, and nobody else', async () => {
    expect((await request('PUT', url(), { ...june, effectiveFrom: '2026-10' }, h.admin)).status).toBe(200);
    expect((await request('GET', url('/versions'), undefined, h.admin)).status).toBe(200);
    expect((await request('GET', url(), undefined, h.regulatorIn)).status).toBe(200);
    expect((await request('GET', url('/versions'), undefined, h.regulatorIn)).status).toBe(200);
    expect((await request('PUT', url(), june, h.regulatorIn)).status).toBe(403);
    for (const path of ['', '/versions', '?at=2026-03']) {
      expect((await request('GET', url(path), undefined, h.regulatorOut)).status).toBe(404);
      expect((await request('GET', url(path), undefined, h.other)).status).toBe(404);
      expect((await request('GET', url(path), undefined, h.bank)).status).toBe(403);
      expect((await request('GET', url(path))).status).toBe(401);
    }
    const smuggled = await request('PUT', url(), june, h.other);
    expect(smuggled.status).toBe(404);
    const unregistered = makeUscc('91500112MA5PRF009');
    expect((await request('PUT', `${service.url}/v1/enterprises/${unregistered}/profile`, june, h.admin)).status).toBe(404);
    // The other enterprise's own (empty) profile is its own business.
    expect((await request('GET', `${service.url}/v1/enterprises/${stranger}/profile`, undefined, h.other)).status).toBe(404);
  });

  it('takes a report naming a facility of the profile in force for its period, and refuses one that is not', async () => {
    const before = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report('2026-03', { facility: 'plant-2' }), h.own);
    expect(before.status).toBe(400);
    expect(before.body.errors).toEqual([expect.objectContaining({ field: 'facility', reason: expect.stringMatching(/'plant-2' is not a facility .* in force in 2026-03 \(from 2026-01: plant-1\)/) })]);
    const nowhere = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report('2026-07', { facility: 'nowhere' }), h.own);
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors[0].field).toBe('facility');
    const notSlug = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report('2026-07', { facility: 'Plant 2' }), h.own);
    expect(notSlug.body.errors[0].field).toBe('facility');
    const otherEnterprise = await request('POST', `${service.url}/v1/enterprises/${stranger}/reports`, report('2026-07', { facility: 'plant-1' }), h.other);
    expect(otherEnterprise.status).toBe(400);
    expect(otherEnterprise.body.errors[0]).toMatchObject({ field: 'facility', reason: expect.stringMatching(/no profile in force/) });

    const accepted = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report('2026-07', { facility: 'plant-2', pollutants: { so2T: 4 } }), h.own);
    expect(accepted.status).toBe(202);
    expect(accepted.body.warnings).toEqual([]);
    expect((await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/2026-07`, undefined, h.own)).body).toMatchObject({ facility: 'plant-2' });
  });

  it('warns when the year-to-date sum of a pollutant passes the permit in force, naming pollutant, sum and permit', async () => {
    const august = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report('2026-08', { pollutants: { so2T: 4, codT: 1 } }), h.own);
    expect(august.body.warnings).toEqual([]);
    const september = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report('2026-09', { pollutants: { so2T: 3, codT: 1 } }), h.own);
    expect(september.status).toBe(202);
    expect(september.body.warnings).toEqual([
      { code: 'pollutant-above-permit', field: 'pollutants.so2T', message: expect.stringMatching(/SO2 so far this year \(11 t\) exceeds the permitted annual amount \(10 t\)/) },
    ]);
    // Months before the permit count towards the year too; a year without a permit in force is not checked.
    const lastYear = await request('POST', `${service.url}/v1/enterprises/${uscc}/reports`, report('2025-12', { pollutants: { so2T: 300 } }), h.own);
    expect(lastYear.body.warnings).toEqual([]);
  });

  it('checks an import row naming a facility against the profile in force for its period', async () => {
    const header = ['uscc', 'facility', 'period', 'value_added', 'output_value', 'electricity_kwh', 'so2_t'];
    const csv = [header.join(','), `${uscc},plant-1,2026-04,100,400,1000,`, `${uscc},plant-2,2026-04,100,400,1000,`, `${uscc},plant-2,2026-10,100,400,300000,0.5`].join('\n') + '\n';
    const response = await fetch(`${service.url}/v1/imports?filename=facilities.csv`, { method: 'POST', body: csv, headers: { ...h.own, 'content-type': 'text/csv' } });
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: string };
    const progress = await waitFor('the import done', async () => {
      const p = await request('GET', `${service.url}/v1/imports/${importId}`, undefined, h.own);
      return p.body.status === 'done' && p.body;
    }, { timeoutMs: 40000 });
    expect(progress.rows).toMatchObject({ total: 3, ok: 2, failed: 1 });
    const errors = parse(await (await fetch(`${service.url}/v1/imports/${importId}/errors.csv`, { headers: h.own })).text(), { columns: true });
    expect(errors).toEqual([{ row: '3', field: 'facility', reason: expect.stringMatching(/'plant-2' is not a facility/) }]);
    // October's row is in the year of the permit: 4 + 4 + 3 + 0.5 t of SO2.
    const october = await request('GET', `${service.url}/v1/enterprises/${uscc}/reports/2026-10`, undefined, h.own);
    expect(october.body).toMatchObject({ facility: 'plant-2', warnings: [expect.objectContaining({ code: 'pollutant-above-permit', message: expect.stringMatching(/\(11.5 t\)/) })] });
  });
});
