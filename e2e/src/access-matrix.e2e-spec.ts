import path from 'node:path';
import { makeUscc } from '@gec/domain';
import { createPlatformTopics, IsolatedRun, OpenApiDocument, openApiDocuments, Operation, operationsOf, PlatformProcesses, request, ServiceName, startPlatformProcesses, waitFor } from '@gec/testing';
import { ACCESS_RULES, CALLER_NAMES, CallerName, expectedStatus, Fixture, OperationRule } from './adversarial/access-rules';

const PERIOD = '2026-10';
// The enterprise under test is in Chongqing's Yubei district (500112); the other one in Hangzhou (330100).
const target = makeUscc('91500112MA5ACL001');
const stranger = makeUscc('91330100MA5ACL002');
const report = { period: PERIOD, valueAdded: 1500, outputValue: 6000, energy: [{ carrier: 'electricity', quantity: 700, unit: 'MWh' }, { carrier: 'raw_coal', quantity: 120, unit: 't' }] };
const profile = {
  effectiveFrom: PERIOD,
  facilities: [{ id: 'plant-1', name: 'Yubei plant', regionCode: '500112', industryClass: 'C3041', siteAreaM2: 80000, buildingFootprintM2: 30000, floorAreaM2: 52000 }],
  certifications: [{ standard: 'ISO 50001', certificateNo: 'EnMS-1', validFrom: '2025-01-01', validUntil: '2028-01-01' }],
  permittedPollutants: { so2T: 12 },
};
const BANKS = { consented: 'cq-green-bank', none: 'no-consent-bank', expiring: 'expiring-bank', spare: 'spare-bank', revocable: 'revocable-bank' };
const CONSENT_TTL_MS = 6000;
const PROVIDERS = {
  'provider:in-region': { id: 'cq-grid', name: 'State Grid Chongqing', kind: 'grid', regionScope: '50', figures: ['energy.electricity'] },
  'provider:outside-region': { id: 'zj-grid', name: 'State Grid Zhejiang', kind: 'grid', regionScope: '33', figures: ['energy.electricity'] },
} as const;
/** Provider tokens live 5 minutes: exchanged again for one this old. */
const PROVIDER_TOKEN_REFRESH_MS = 4 * 60 * 1000;

/**
 * The access matrix: every operation of every service's OpenAPI document x every caller (each role; own and other
 * enterprise, consented, unconsented and expired-consent bank, regulator in and outside the region, no token),
 * each with its exact status from ./adversarial/access-rules.ts. Then identity smuggled in queries and bodies.
 */
describe('who may call what, and whose data they see (all four services running)', () => {
  const run = new IsolatedRun();
  let platform: PlatformProcesses;
  let documents: Record<ServiceName, OpenApiDocument>;
  const headers = {} as Record<CallerName, Record<string, string>>;
  const fixture: Fixture = {
    target,
    period: PERIOD,
    division: 'C30',
    bank: BANKS.consented,
    spareBank: BANKS.spare,
    revocableBank: BANKS.revocable,
    revocableKeyId: '',
    apiKey: '',
    report,
    provider: PROVIDERS['provider:in-region'].id,
    revocableProviderKeyId: '',
    profile,
  };
  // Each provider's API key, and when its token was last exchanged for.
  const providerKeys = {} as Record<keyof typeof PROVIDERS, { apiKey: string; at: number }>;
  const exchangeProviderKey = async (caller: keyof typeof PROVIDERS) => {
    const token = await request('POST', `${platform.urls.finance}/v1/auth/token`, undefined, { 'x-api-key': providerKeys[caller].apiKey });
    expect(token.status).toBe(200);
    headers[caller] = { authorization: `Bearer ${token.body.access_token}` };
    providerKeys[caller].at = Date.now();
  };
  const headersOf = async (caller: CallerName) => {
    if (caller in PROVIDERS && Date.now() - providerKeys[caller as keyof typeof PROVIDERS].at > PROVIDER_TOKEN_REFRESH_MS) await exchangeProviderKey(caller as keyof typeof PROVIDERS);
    return headers[caller];
  };

  beforeAll(async () => {
    await createPlatformTopics(run.topicPrefix);
    const env = (name: string) => run.env(name, { LOG_LEVEL: 'info' });
    [platform, documents] = await Promise.all([
      startPlatformProcesses({ logDir: path.resolve(__dirname, '../../.local/e2e-logs', run.id), env }),
      openApiDocuments(env),
    ]);
    const a = run.authority;
    Object.assign(headers, {
      anonymous: {},
      'enterprise:own': await a.headers({ role: 'enterprise', uscc: target }),
      'enterprise:other': await a.headers({ role: 'enterprise', uscc: stranger }),
      'bank:consented': await a.headers({ role: 'bank', bankId: BANKS.consented }),
      'bank:no-consent': await a.headers({ role: 'bank', bankId: BANKS.none }),
      'bank:expired-consent': await a.headers({ role: 'bank', bankId: BANKS.expiring }),
      'regulator:in-region': await a.headers({ role: 'regulator', region: '50' }),
      'regulator:outside-region': await a.headers({ role: 'regulator', region: '33' }),
      admin: await a.headers({ role: 'admin' }),
    });
    const { intake, finance, rating } = platform.urls;
    const as = (status: number) => (r: { status: number; body: unknown }) => expect({ status: r.status, body: r.status === status ? undefined : r.body }).toEqual({ status, body: undefined });
    for (const [uscc, caller] of [[target, 'enterprise:own'], [stranger, 'enterprise:other']] as const) {
      as(201)(await request('POST', `${intake}/v1/enterprises`, { uscc, name: `Enterprise ${uscc}`, industryCode: 'C3041' }, headers[caller]));
      as(202)(await request('POST', `${intake}/v1/enterprises/${uscc}/reports`, report, headers[caller]));
    }
    as(200)(await request('PUT', `${intake}/v1/enterprises/${target}/profile`, profile, headers['enterprise:own']));
    for (const id of [BANKS.none, BANKS.expiring, BANKS.spare, BANKS.revocable]) as(201)(await request('POST', `${finance}/v1/banks`, { id, name: id }, headers.admin));
    const expiresAt = new Date(Date.now() + CONSENT_TTL_MS);
    as(201)(await request('POST', `${finance}/v1/enterprises/${target}/consents`, { bankId: BANKS.expiring, expiresAt: expiresAt.toISOString() }, headers['enterprise:own']));
    for (const bankId of [BANKS.consented, BANKS.revocable]) as(201)(await request('POST', `${finance}/v1/enterprises/${target}/consents`, { bankId }, headers['enterprise:own']));
    const keys = [];
    for (let i = 0; i < 2; i++) {
      const key = await request('POST', `${finance}/v1/banks/${BANKS.consented}/api-keys`, undefined, headers.admin);
      as(201)(key);
      keys.push(key.body as { keyId: string; apiKey: string });
    }
    fixture.revocableKeyId = keys[0].keyId;
    fixture.apiKey = keys[1].apiKey;
    for (const [caller, provider] of Object.entries(PROVIDERS) as Array<[keyof typeof PROVIDERS, (typeof PROVIDERS)[keyof typeof PROVIDERS]]>) {
      as(201)(await request('POST', `${finance}/v1/providers`, provider, headers.admin));
      const key = await request('POST', `${finance}/v1/providers/${provider.id}/api-keys`, undefined, headers.admin);
      as(201)(key);
      providerKeys[caller] = { apiKey: key.body.apiKey, at: 0 };
      await exchangeProviderKey(caller);
    }
    const spareProviderKey = await request('POST', `${finance}/v1/providers/${fixture.provider}/api-keys`, undefined, headers.admin);
    as(201)(spareProviderKey);
    fixture.revocableProviderKeyId = spareProviderKey.body.keyId;
    as(200)(await request('PUT', `${intake}/v1/enterprises/${target}/reports/${PERIOD}/sources/${fixture.provider}`, { figures: { 'energy.electricity': 710000 } }, headers['provider:in-region']));
    for (const uscc of [target, stranger]) {
      await waitFor(`eligibility of ${uscc}`, async () => (await request('GET', `${finance}/v1/eligibility/${uscc}`, undefined, headers.admin)).status === 200, { timeoutMs: 30000 });
    }
    // The rating service learns of consents through Kafka.
    await waitFor('the consent to reach rating', async () => (await request('GET', `${rating}/v1/ratings/${target}`, undefined, headers['bank:consented'])).status === 200, { timeoutMs: 30000 });
    as(202)(await request('POST', `${rating}/v1/rerating/C30/${PERIOD}`, undefined, headers.admin));
    await waitFor('the expiring consent to expire', async () => Date.now() > expiresAt.getTime() + 100, { timeoutMs: CONSENT_TTL_MS + 5000 });
  }, 180000);

  afterAll(async () => {
    await platform?.stop();
  });

  const call = async (operation: Operation, rule: OperationRule, caller: CallerName, smuggled: { query?: Record<string, string>; body?: object } = {}) => {
    const defaults: Record<string, string> = { uscc: target, period: PERIOD, industryDivision: fixture.division, bankId: fixture.bank, providerId: fixture.provider };
    const url = operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value = rule.params?.[name] ?? defaults[name];
      if (value === undefined) throw new Error(`${operation.key}: its rule gives no value for the path parameter {${name}}`);
      return encodeURIComponent(value);
    });
    const query = new URLSearchParams({ ...rule.query, ...smuggled.query }).toString();
    const body = smuggled.body && operation.hasBody ? { ...(rule.body as object), ...smuggled.body } : rule.body;
    return request(operation.method, `${platform.urls[operation.service]}${url}${query ? `?${query}` : ''}`, body, { ...(await headersOf(caller)), ...rule.headers });
  };

  it('has an access rule for every operation in the OpenAPI documents, and no rule for an operation that is gone', () => {
    const keys = operationsOf(documents).map((o) => o.key);
    const unruled = keys.filter((k) => !ACCESS_RULES[k]).map((k) => `${k}: no access rule in e2e/src/adversarial/access-rules.ts; say who may call it and what they get`);
    const stale = Object.keys(ACCESS_RULES).filter((k) => !keys.includes(k)).map((k) => `${k}: a rule for an operation no OpenAPI document has`);
    expect([...unruled, ...stale]).toEqual([]);
  });

  it('answers every operation x caller with its exact status, and every refusal as problem+json', async () => {
    const operations = operationsOf(documents).filter((o) => ACCESS_RULES[o.key]);
    const mismatches: string[] = [];
    for (const operation of operations) {
      const rule = ACCESS_RULES[operation.key](fixture);
      for (const caller of CALLER_NAMES) {
        const expected = expectedStatus(operation, rule, caller);
        const response = await call(operation, rule, caller);
        if (response.status !== expected) mismatches.push(`${operation.key} as ${caller}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)?.slice(0, 300)}`);
        else if (expected >= 400 && !response.headers.get('content-type')?.includes('application/problem+json')) mismatches.push(`${operation.key} as ${caller}: ${expected} without problem+json`);
      }
    }
    console.log(`access matrix: ${operations.length} operations x ${CALLER_NAMES.length} callers = ${operations.length * CALLER_NAMES.length} cases`);
    expect(mismatches).toEqual([]);
  });

  it("ignores or refuses another enterprise's, bank's or region's identity smuggled into a query or a body", async () => {
    // Every case the matrix hides from a caller, again with the identity that would be allowed to see it added where
    // a careless handler might read it: the answer must stay the same refusal (or be 400 for an unknown field).
    const smuggled = { query: { uscc: target, bankId: BANKS.consented, bank_id: BANKS.consented, region: '50' }, body: { uscc: target, bankId: BANKS.consented, bank_id: BANKS.consented, region: '50', role: 'admin' } };
    const checked: string[] = [];
    const mismatches: string[] = [];
    for (const operation of operationsOf(documents).filter((o) => ACCESS_RULES[o.key] && o.allowedRoles)) {
      const rule = ACCESS_RULES[operation.key](fixture);
      for (const caller of CALLER_NAMES.filter((c) => c !== 'anonymous')) {
        const expected = expectedStatus(operation, rule, caller);
        if (expected !== (rule.hidden ?? 404)) continue;
        const response = await call(operation, rule, caller, smuggled);
        checked.push(`${operation.key} as ${caller}`);
        if (response.status !== expected && response.status !== 400) mismatches.push(`${operation.key} as ${caller} with smuggled identity: expected ${expected} (or 400), got ${response.status}`);
      }
    }
    console.log(`identity smuggling: ${checked.length} refused cases retried with another identity in query and body`);
    expect(mismatches).toEqual([]);
    expect(checked.length).toBeGreaterThan(10);
  });

  it("registers nothing for an enterprise that names another enterprise's code in the body", async () => {
    const unregistered = makeUscc('91500112MA5ACL009');
    const attempt = await request('POST', `${platform.urls.intake}/v1/enterprises`, { uscc: unregistered, name: 'Not me', industryCode: 'C30' }, headers['enterprise:other']);
    expect(attempt.status).toBe(403);
    expect((await request('GET', `${platform.urls.intake}/v1/enterprises/${unregistered}`, undefined, headers.admin)).status).toBe(404);
  });

  it("grants nothing on another enterprise's behalf when its code rides along in the consent body", async () => {
    const attempt = await request('POST', `${platform.urls.finance}/v1/enterprises/${stranger}/consents`, { bankId: BANKS.none, uscc: stranger }, headers['enterprise:other']);
    expect(attempt.status).toBe(400);
    const own = await request('POST', `${platform.urls.finance}/v1/enterprises/${stranger}/consents`, { bankId: BANKS.none, uscc: target }, headers['enterprise:other']);
    expect(own.status).toBe(400);
    const consents = await request('GET', `${platform.urls.finance}/v1/enterprises/${target}/consents`, undefined, headers.admin);
    expect(JSON.stringify(consents.body)).not.toContain(BANKS.none);
  });

  const badTokens: Array<[string, () => Promise<Record<string, string>>]> = [
    ['no token', async () => ({})],
    ['a malformed header', async () => ({ authorization: 'Bearer' })],
    ['an expired token', async () => run.authority.headers({ role: 'admin' }, { expiresInSeconds: -60 })],
    ['a token for another audience', async () => run.authority.headers({ role: 'admin' }, { audience: 'another-platform' })],
    ['a token from another issuer', async () => run.authority.headers({ role: 'admin' }, { issuer: 'https://evil.example' })],
    ['an unsigned token (alg none)', async () => ({ authorization: `Bearer ${run.authority.unsignedToken({ role: 'admin' })}` })],
    ['a token signed with another key', async () => run.authority.headers({ role: 'admin' }, { untrustedKey: true })],
  ];

  it.each(badTokens.flatMap(([name, make]) => (['intake', 'metrics', 'rating', 'finance'] as const).map((service) => [service, name, make] as const)))(
    '%s rejects %s with 401',
    async (service, _name, make) => {
      const paths = { intake: `/v1/enterprises/${target}`, metrics: `/v1/enterprises/${target}/indicators/${PERIOD}`, rating: `/v1/ratings/${target}`, finance: `/v1/eligibility/${target}` };
      const response = await request('GET', `${platform.urls[service]}${paths[service]}`, undefined, await make());
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    },
  );

  it("shows the enterprise a bank's read of its rating in its access log", async () => {
    expect((await request('GET', `${platform.urls.rating}/v1/ratings/${target}?period=${PERIOD}`, undefined, headers['bank:consented'])).status).toBe(200);
    const entry = await waitFor('the access record', async () => {
      const log = await request('GET', `${platform.urls.finance}/v1/enterprises/${target}/access-log`, undefined, headers['enterprise:own']);
      return (log.body.entries as Array<Record<string, unknown>>).find((e) => e.service === 'rating' && e.role === 'bank');
    });
    expect(entry).toMatchObject({ bankId: BANKS.consented, basis: 'consent', consentId: expect.any(String), resource: expect.stringContaining('rating') });
  });

  it('lets a bank whose consent was revoked see nothing any more', async () => {
    expect((await request('DELETE', `${platform.urls.finance}/v1/enterprises/${target}/consents/${BANKS.consented}`, undefined, headers['enterprise:own'])).status).toBe(204);
    expect((await request('GET', `${platform.urls.finance}/v1/eligibility/${target}`, undefined, headers['bank:consented'])).status).toBe(404);
    await waitFor('the revocation to reach rating', async () => (await request('GET', `${platform.urls.rating}/v1/ratings/${target}`, undefined, headers['bank:consented'])).status === 404);
  });
});
