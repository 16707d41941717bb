import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { Model } from 'mongoose';
import { EventEnvelope, ReportAccepted, TOPICS } from '@gec/contracts';
import { makeUscc } from '@gec/domain';
import { MongoConnection } from '@gec/platform';
import { createPlatformTopics, IsolatedRun, request, RunningService, startInProcess, TestPublisher, TopicReader, waitFor } from '@gec/testing';
import { createIntakeApp } from '../intake.app';
import { readIntakeConfig } from '../intake.config';
import { CSV_TYPE, XLSX_TYPE } from './import-file.reader';
import { RunImportUseCase } from './run-import/run-import.use-case';

const ENTERPRISES = 60;
const PERIODS = Array.from({ length: 30 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const HEADER = ['uscc', 'facility', 'period', 'value_added', 'output_value', 'electricity_kwh', 'raw_coal_t', 'natural_gas_m3', 'diesel_t', 'heat_gj', 'own_pv_kwh', 'new_water_m3', 'reused_water_m3', 'solid_waste_generated_t', 'solid_waste_utilised_t', 'colour'];

const enterpriseCode = (i: number) => makeUscc(`91500112MA5U${String(i).padStart(4, '0')}X`);
const wrongCheck = (uscc: string) => uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');

type Row = Record<string, string>;
interface Expected {
  row: number;
  field: string;
  reason: RegExp;
}

/** 1,800 rows (60 enterprises x 30 months), one row in twelve broken in a known way. */
function buildRows(): { rows: Row[]; expected: Expected[] } {
  const rows: Row[] = [];
  const expected: Expected[] = [];
  const kinds: Array<(r: Row) => Expected | undefined> = [
    (r) => ((r.uscc = wrongCheck(r.uscc)), { row: 0, field: 'uscc', reason: /check character/ }),
    (r) => ((r.period = '2099-01'), { row: 0, field: 'period', reason: /future/ }),
    (r) => ((r.value_added = '-5'), { row: 0, field: 'value_added', reason: /./ }),
    (r) => ((r.colour = 'blue'), { row: 0, field: 'colour', reason: /unknown column 'colour'/ }),
    (r) => ((r.solid_waste_utilised_t = '99'), { row: 0, field: 'solid_waste_utilised_t', reason: /exceeds generated/ }),
    (r) => ((r.uscc = makeUscc('91500112MA5UYYYY9')), { row: 0, field: 'uscc', reason: /no enterprise .* is registered/ }),
  ];
  let n = 0;
  for (let e = 0; e < ENTERPRISES; e++) {
    for (const period of PERIODS) {
      const row: Row = {
        uscc: enterpriseCode(e), facility: '', period, value_added: String(100 + e), output_value: String(500 + e), electricity_kwh: String(100000 + n), raw_coal_t: '5',
        natural_gas_m3: '', diesel_t: '0.5', heat_gj: '', own_pv_kwh: '1000', new_water_m3: '900', reused_water_m3: '100', solid_waste_generated_t: '10', solid_waste_utilised_t: '8', colour: '',
      };
      if (n % 12 === 5) {
        const bad = kinds[Math.floor(n / 12) % kinds.length](row)!;
        expected.push({ ...bad, row: n + 2 });
      }
      rows.push(row);
      n++;
    }
  }
  return { rows, expected };
}

const toCsv = (rows: Row[]) => [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => r[h]).join(','))].join('\n') + '\n';

async function toXlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('reports');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(HEADER.map((h) => (r[h] !== '' && /^-?[\d.]+$/.test(r[h]) && h !== 'uscc' ? Number(r[h]) : r[h])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('intake: bulk import of reports', () => {
  const run = new IsolatedRun();
  const publisher = new TestPublisher(run.topicPrefix);
  let service: RunningService;
  let accepted: TopicReader;
  let admin: Record<string, string>;
  const { rows, expected } = buildRows();

  const upload = async (body: string | Buffer, type: string, filename: string, headers: Record<string, string>) => {
    const response = await fetch(`${service.url}/v1/imports?filename=${encodeURIComponent(filename)}`, { method: 'POST', body, headers: { ...headers, 'content-type': type } });
    return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const progressOf = async (id: string, headers = admin) => (await request('GET', `${service.url}/v1/imports/${id}`, undefined, headers)).body;
  const waitDone = (id: string, headers = admin) => waitFor(`import ${id} done`, async () => ((await progressOf(id, headers)).status === 'done' ? progressOf(id, headers) : false), { timeoutMs: 40000 });
  const errorsOf = async (id: string, headers = admin) => {
    const response = await fetch(`${service.url}/v1/imports/${id}/errors.csv`, { headers });
    expect(response.headers.get('content-type')).toContain('text/csv');
    return parse(await response.text(), { columns: true }) as Array<{ row: string; field: string; reason: string }>;
  };
  const eventsOfImport = () => accepted.json<EventEnvelope<ReportAccepted>>().filter((e) => e.payload.uscc.startsWith('91500112MA5U'));

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    admin = await run.authority.headers({ role: 'admin' });
    service = await startInProcess(() => createIntakeApp(readIntakeConfig(run.env('intake'))));
    accepted = await new TopicReader(publisher.physical(TOPICS.reportAccepted)).start();
    for (let e = 0; e < ENTERPRISES; e += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => request('POST', `${service.url}/v1/enterprises`, { uscc: enterpriseCode(e + i), name: `Import ${e + i}`, industryCode: 'C3041' }, admin)),
      );
    }
  }, 60000);

  afterAll(async () => {
    await Promise.all([accepted?.stop(), publisher.close()]);
    await service?.close();
  });

  let csvImport: string;
  let csvErrors: Array<{ row: string; field: string; reason: string }>;

  it('imports a CSV as a job: progress reaches done and the error file lists exactly the bad rows, by column', async () => {
    const started = await upload(toCsv(rows), `${CSV_TYPE}; charset=utf-8`, 'reports.csv', admin);
    expect(started.status).toBe(202);
    csvImport = started.body.importId;
    expect(started.location).toBe(`/v1/imports/${csvImport}`);
    const done = await waitDone(csvImport);
    expect(done).toMatchObject({ status: 'done', rows: { total: rows.length, done: rows.length, ok: rows.length - expected.length, failed: expected.length } });
    expect(done.startedAt <= done.finishedAt).toBe(true);
    expect(done.rowsPerSecond).toBeGreaterThan(0);

    csvErrors = await errorsOf(csvImport);
    expect(csvErrors.map((e) => [Number(e.row), e.field])).toEqual(expected.map((e) => [e.row, e.field]));
    csvErrors.forEach((e, i) => expect(e.reason).toMatch(expected[i].reason));

    await waitFor('every good row announced', () => eventsOfImport().length >= rows.length - expected.length);
    const first = await request('GET', `${service.url}/v1/enterprises/${enterpriseCode(0)}/reports/${PERIODS[0]}`, undefined, admin);
    expect(first.body).toMatchObject({ revision: 1, valueAdded: 100, energy: expect.arrayContaining([{ carrier: 'electricity', quantity: 100000, unit: 'kWh' }]), water: { newWaterM3: 900, reusedM3: 100 } });
    expect(first.body.reason).toBeUndefined();
  });

  it('changes nothing when the same file is uploaded again, and nothing when its chunks are redone after a crash', async () => {
    const again = await upload(toCsv(rows), CSV_TYPE, 'reports.csv', admin);
    expect(again).toMatchObject({ status: 202, body: { importId: csvImport, created: false, status: 'done' } });

    // As if the worker died after writing every chunk but before recording any: the job redoes them all.
    const imports = service.app.get(MongoConnection).modelForCollection('imports') as unknown as Model<never>;
    await imports.updateOne({ _id: csvImport } as never, { $set: { status: 'running', cursor: 0, done: 0, ok: 0, failed: 0 } } as never);
    await service.app.get(RunImportUseCase).execute(csvImport);
    expect((await progressOf(csvImport)).rows).toEqual({ total: rows.length, done: rows.length, ok: rows.length - expected.length, failed: expected.length });
    expect(await errorsOf(csvImport)).toEqual(csvErrors);

    const history = await request('GET', `${service.url}/v1/enterprises/${enterpriseCode(1)}/reports/${PERIODS[0]}/revisions`, undefined, admin);
    expect(history.body.revisions).toHaveLength(1);
    // A report submitted now is announced after anything the redo could have sent for the same enterprise.
    const own = await run.authority.headers({ role: 'enterprise', uscc: enterpriseCode(1) });
    const sentinel = await request('POST', `${service.url}/v1/enterprises/${enterpriseCode(1)}/reports`, { period: PERIODS[0], valueAdded: 1, outputValue: 2, energy: [{ carrier: 'electricity', quantity: 1, unit: 'kWh' }], reason: 'sentinel' }, own);
    expect(sentinel.status).toBe(202);
    await waitFor('the sentinel', () => eventsOfImport().some((e) => e.payload.reason === 'sentinel'));
    const ids = eventsOfImport().filter((e) => e.payload.reason !== 'sentinel').map((e) => e.eventId);
    expect(new Set(ids).size).toBe(rows.length - expected.length);
  });

  it('gives the same result for an XLSX of the same rows, each a new revision with the file as its reason', async () => {
    const started = await upload(await toXlsx(rows), XLSX_TYPE, 'reports.xlsx', admin);
    expect(started.status).toBe(202);
    expect(started.body.importId).not.toBe(csvImport);
    const done = await waitDone(started.body.importId);
    expect(done.rows).toEqual({ total: rows.length, done: rows.length, ok: rows.length - expected.length, failed: expected.length });
    expect(await errorsOf(started.body.importId)).toEqual(csvErrors);
    const report = await request('GET', `${service.url}/v1/enterprises/${enterpriseCode(2)}/reports/${PERIODS[3]}`, undefined, admin);
    expect(report.body).toMatchObject({ revision: 2, reason: 'bulk import reports.xlsx', valueAdded: 102 });
  });

  it("lets an enterprise import only its own reports, and shows its import to nobody else", async () => {
    const uscc = enterpriseCode(3);
    const own = await run.authority.headers({ role: 'enterprise', uscc });
    const file = toCsv([
      { ...rows[0], uscc, period: '2025-10', colour: '' },
      { ...rows[0], uscc: enterpriseCode(4), period: '2025-10', colour: '' },
      { ...rows[0], uscc, period: '2025-11', colour: '', facility: 'plant-2' },
    ]);
    const started = await upload(file, CSV_TYPE, 'mine.csv', own);
    expect(started.status).toBe(202);
    const done = await waitDone(started.body.importId, own);
    expect(done.rows).toEqual({ total: 3, done: 3, ok: 1, failed: 2 });
    const errors = await errorsOf(started.body.importId, own);
    expect(errors).toEqual([
      { row: '3', field: 'uscc', reason: expect.stringMatching(/only your own enterprise/) },
      { row: '4', field: 'facility', reason: expect.stringMatching(/no profile in force in 2025-11, so it has no facility 'plant-2'/) },
    ]);

    const other = await run.authority.headers({ role: 'enterprise', uscc: enterpriseCode(4) });
    expect((await request('GET', `${service.url}/v1/imports/${started.body.importId}`, undefined, other)).status).toBe(404);
    expect((await fetch(`${service.url}/v1/imports/${started.body.importId}/errors.csv`, { headers: other })).status).toBe(404);
    const bank = await run.authority.headers({ role: 'bank', bankId: 'cq-green-bank' });
    expect((await request('GET', `${service.url}/v1/imports/${started.body.importId}`, undefined, bank)).status).toBe(403);
    expect((await upload(file, CSV_TYPE, 'mine.csv', bank)).status).toBe(403);
    expect((await progressOf(started.body.importId)).status).toBe('done');

    const template = await fetch(`${service.url}/v1/imports/template.csv`, { headers: own });
    const [header, example] = parse(await template.text()) as string[][];
    expect(header.slice(0, 5)).toEqual(['uscc', 'facility', 'period', 'value_added', 'output_value']);
    expect(example[0]).toBe(uscc);
    const xlsx = await fetch(`${service.url}/v1/imports/template.xlsx`, { headers: admin });
    expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.getWorksheet('columns')!.rowCount).toBe(header.length + 1);
  });

  it('takes an Idempotency-Key over the file bytes: the same file replays, another file with the key gets 422', async () => {
    const file = toCsv([{ ...rows[0], period: '2025-12', colour: '' }]);
    const headers = { ...admin, 'idempotency-key': '"import-key-1"' };
    const first = await upload(file, CSV_TYPE, 'keyed.csv', headers);
    expect(first.status).toBe(202);
    const response = await fetch(`${service.url}/v1/imports?filename=keyed.csv`, { method: 'POST', body: file, headers: { ...headers, 'content-type': CSV_TYPE } });
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(await response.json()).toEqual(first.body);
    expect((await upload(file.replace('2025-12', '2025-11'), CSV_TYPE, 'keyed.csv', headers)).status).toBe(422);
    await waitDone(first.body.importId);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const response = await upload('uscc,value_added\nx,1\n', CSV_TYPE, 'bad.csv', admin);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['period', 'output_value']);
    // Files are taken on this route only; elsewhere a CSV body is refused with 415.
    const elsewhere = await fetch(`${service.url}/v1/enterprises`, { method: 'POST', body: 'uscc\n', headers: { ...admin, 'content-type': CSV_TYPE } });
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.headers.get('content-type')).toContain('application/problem+json');
  });
});
