import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, openApiDocuments, PlatformProcesses, request, SERVICE_NAMES, ServiceName, startPlatformProcesses, TokenClaims, waitFor } from '@gec/testing';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMATHESIS = path.join(ROOT, '.local/venv/bin/schemathesis');
/** Test cases per operation and phase: with 4 roles x 24 operations, about 3,000 requests in a minute and a half. */
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 5);
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance', 'negative_data_rejection'];

// The documents' example code, so generated requests also reach an enterprise with data.
const enterprise = makeUscc('91500112MA5ACL001');
const ROLES: Record<string, TokenClaims> = {
  enterprise: { role: 'enterprise', uscc: enterprise },
  bank: { role: 'bank', bankId: 'cq-green-bank' },
  regulator: { role: 'regulator', region: '50' },
  admin: { role: 'admin' },
};

/**
 * schemathesis (PyPI, installed by scripts/ensure-python-tool.sh schemathesis) generates requests from each service's OpenAPI
 * document, valid and invalid, with a token of each role, and fails on any 5xx, any status the document does not
 * list, any response that does not match its documented schema or content type, and any invalid request accepted.
 */
describe('every service against its own OpenAPI document (schemathesis)', () => {
  const run = new IsolatedRun();
  const outDir = path.join(ROOT, '.local/schemathesis', run.id);
  let platform: PlatformProcesses;

  beforeAll(async () => {
    if (!existsSync(SCHEMATHESIS)) throw new Error('schemathesis is not installed: run `bash scripts/ensure-python-tool.sh schemathesis` (npm test does)');
    mkdirSync(outDir, { recursive: true });
    await createPlatformTopics(run.topicPrefix);
    // Generated requests come fast from one caller per role: lift the rate limit, which the access matrix covers.
    const env = (name: string) => run.env(name, { LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000000' });
    const [started, documents] = await Promise.all([startPlatformProcesses({ logDir: path.join(ROOT, '.local/e2e-logs', run.id), env }), openApiDocuments(env)]);
    platform = started;
    for (const service of SERVICE_NAMES) writeFileSync(path.join(outDir, `${service}.json`), JSON.stringify(documents[service]));
    const owner = await run.authority.headers(ROLES.enterprise);
    expect((await request('POST', `${platform.urls.intake}/v1/enterprises`, { uscc: enterprise, name: 'Fuzzed Ltd', industryCode: 'C3041' }, owner)).status).toBe(201);
    const report = { period: '2026-10', valueAdded: 1500, outputValue: 6000, energy: [{ carrier: 'electricity', quantity: 700, unit: 'MWh' }] };
    expect((await request('POST', `${platform.urls.intake}/v1/enterprises/${enterprise}/reports`, report, owner)).status).toBe(202);
    await waitFor('the eligibility of the example enterprise', async () => (await request('GET', `${platform.urls.finance}/v1/eligibility/${enterprise}`, undefined, owner)).status === 200, { timeoutMs: 30000 });
  }, 180000);

  afterAll(async () => {
    await platform?.stop();
  });

  // A data provider's machine client too, on intake (the only service it may call), with a token as finance mints it.
  const runs = [...SERVICE_NAMES.flatMap((service) => Object.keys(ROLES).map((role) => [service, role] as const)), ['intake', 'provider'] as const];
  const tokenOf = async (role: string) => {
    if (role !== 'provider') return run.authority.token(ROLES[role], { expiresInSeconds: 600 });
    return run.authority.providerToken({ providerId: 'cq-grid', region: '50', figures: ['energy', 'valueAdded'] });
  };
  let requests = 0;

  it.each(runs)('%s with a %s token: no 5xx, nothing undocumented', async (service: ServiceName, role: string) => {
    const token = await tokenOf(role);
    const report = path.join(outDir, `${service}-${role}.ndjson`);
    const args = [
      'run', path.join(outDir, `${service}.json`),
      '--url', platform.urls[service],
      '--header', `Authorization: Bearer ${token}`,
      '--checks', CHECKS.join(','),
      '--phases', 'examples,coverage,fuzzing',
      '--max-examples', String(MAX_EXAMPLES),
      '--seed', '1',
      '--generation-database', 'none',
      // One worker: hypothesis describes its filters by parsing source, which is not thread-safe (SystemError: AST constructor recursion depth mismatch).
      '--workers', '1',
      '--no-shrink',
      '--max-failures', '5',
      '--suppress-health-check', 'all',
      '--report', 'ndjson', '--report-ndjson-path', report,
      '--no-color',
    ];
    const result = await promisify(execFile)(SCHEMATHESIS, args, { cwd: outDir, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
    const sent = countRequests(report);
    requests += sent;
    if (result.code !== 0) throw new Error(`schemathesis found problems in ${service} as ${role} (${sent} requests; report ${report}):\n${result.stdout.slice(-8000)}`);
  });

  afterAll(() => {
    console.log(`schemathesis: ${requests} requests generated against ${SERVICE_NAMES.length} services x ${Object.keys(ROLES).length} roles, and intake as a data provider`);
  });
});

/** Requests schemathesis sent, from its event stream (one `interactions` entry per request in each scenario). */
function countRequests(ndjson: string): number {
  if (!existsSync(ndjson)) return 0;
  let count = 0;
  for (const line of readFileSync(ndjson, 'utf8').split('\n')) {
    if (!line.includes('"ScenarioFinished"')) continue;
    const event = JSON.parse(line) as { ScenarioFinished?: { recorder?: { interactions?: Record<string, unknown> } } };
    count += Object.keys(event.ScenarioFinished?.recorder?.interactions ?? {}).length;
  }
  return count;
}
