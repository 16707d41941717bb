import type { Operation } from '@gec/testing';

/**
 * Who calls: every role, and for each role the cases that decide what it may see of the enterprise under test (the
 * target, registered in Chongqing's Yubei district, 500112).
 */
export const CALLERS = {
  anonymous: { role: undefined, seesTarget: false },
  'enterprise:own': { role: 'enterprise', seesTarget: true },
  'enterprise:other': { role: 'enterprise', seesTarget: false },
  'bank:consented': { role: 'bank', seesTarget: true },
  'bank:no-consent': { role: 'bank', seesTarget: false },
  'bank:expired-consent': { role: 'bank', seesTarget: false },
  'regulator:in-region': { role: 'regulator', seesTarget: true },
  'regulator:outside-region': { role: 'regulator', seesTarget: false },
  admin: { role: 'admin', seesTarget: true },
  // Data providers' machine clients, with tokens finance issues for their API keys: Chongqing's grid (region 50,
  // electricity only) supplies for the target; Zhejiang's (region 33) does not.
  'provider:in-region': { role: 'provider', seesTarget: true },
  'provider:outside-region': { role: 'provider', seesTarget: false },
} as const;

export type CallerName = keyof typeof CALLERS;
export const CALLER_NAMES = Object.keys(CALLERS) as CallerName[];

/** What the rules may name: the data set up before the matrix runs. */
export interface Fixture {
  target: string;
  period: string;
  division: string;
  /** The bank the target consented to. */
  bank: string;
  /** Another bank on the platform, which the matrix's own consent grant names. */
  spareBank: string;
  /** A bank whose consent the matrix's revocation removes. */
  revocableBank: string;
  /** An API key of `bank` that the matrix's key revocation removes, and one it exchanges for a token. */
  revocableKeyId: string;
  apiKey: string;
  report: object;
  /** The in-region data provider (whose token `provider:in-region` carries), and its API key the matrix revokes. */
  provider: string;
  revocableProviderKeyId: string;
  /** A profile version of the target, in force from `period`. */
  profile: object;
}

/**
 * How to call an operation in the matrix, and what an allowed caller gets. Everything else is derived:
 * - no token: 401 (public operations: `ok` for everyone);
 * - a role outside the operation's `x-allowed-roles`: 403;
 * - a caller of an allowed role who may not see the enterprise the request names (a `{uscc}` in the path, or `tenant`
 *   says where it is): `hidden` (404 unless stated: the enterprise does not exist for that caller);
 * - anyone else: `ok`.
 */
export interface OperationRule {
  ok: number;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  tenant?: 'path' | 'body' | 'none';
  hidden?: number;
}

/**
 * One rule per operation of every service's OpenAPI document, keyed `<service> <METHOD> <path>`. A new endpoint
 * fails the matrix until it has a rule here. Path parameters not given default to the fixture (uscc, period,
 * industryDivision, bankId, providerId).
 */
export const ACCESS_RULES: Record<string, (f: Fixture) => OperationRule> = {
  'intake POST /v1/enterprises': (f) => ({ ok: 409, body: { uscc: f.target, name: 'Again', industryCode: 'C30' }, tenant: 'body', hidden: 403 }),
  'intake GET /v1/enterprises/{uscc}': () => ({ ok: 200 }),
  // The target's profile has a version from the fixture's period (put before the matrix runs); a PUT of that month is a
  // corrected revision of it. Regulators read the profile of their region's enterprises, never change it.
  'intake PUT /v1/enterprises/{uscc}/profile': (f) => ({ ok: 200, body: f.profile }),
  'intake GET /v1/enterprises/{uscc}/profile': (f) => ({ ok: 200, query: { at: f.period } }),
  'intake GET /v1/enterprises/{uscc}/profile/versions': () => ({ ok: 200 }),
  // The fixture's period already has a report, so the enterprise's own submission is a revision and says why.
  'intake POST /v1/enterprises/{uscc}/reports': (f) => ({ ok: 202, body: { ...f.report, reason: 'access matrix' } }),
  'intake GET /v1/enterprises/{uscc}/reports/{period}': () => ({ ok: 200 }),
  'intake GET /v1/enterprises/{uscc}/reports/{period}/revisions': () => ({ ok: 200 }),
  // A withdrawal is one-shot (the second is 409), so the matrix withdraws a period with no report: the enterprise itself
  // and an administrator get through to the use case (404); another enterprise is refused outright (403).
  // withdrawal.e2e-spec checks 202, 409 and what follows downstream.
  'intake POST /v1/enterprises/{uscc}/reports/{period}/withdrawal': () => ({ ok: 404, params: { period: '2001-01' }, body: { reason: 'access matrix' }, hidden: 403 }),
  // A provider puts figures for an enterprise in its region only, and only as itself (the other provider is refused
  // on both counts: 403, as is a figure outside its list, report-sources.int-spec checks which).
  'intake PUT /v1/enterprises/{uscc}/reports/{period}/sources/{providerId}': (f) => ({ ok: 200, params: { providerId: f.provider }, body: { figures: { 'energy.electricity': 700000 } }, hidden: 403 }),
  // The in-region provider put figures for the period during setup, so it sees its own.
  'intake GET /v1/enterprises/{uscc}/reports/{period}/sources': () => ({ ok: 200 }),
  // An import names its enterprises in its rows, not its path: any enterprise may upload (another's rows become row
  // errors, imports.int-spec checks which), and the import belongs to whoever uploaded it.
  'intake POST /v1/imports': (f) => ({
    ok: 202,
    query: { filename: 'matrix.csv' },
    headers: { 'content-type': 'text/csv' },
    body: `uscc,period,value_added,output_value,electricity_kwh\n${f.target},${f.period},10,20,1000\n`,
  }),
  'intake GET /v1/imports/template.csv': () => ({ ok: 200 }),
  'intake GET /v1/imports/template.xlsx': () => ({ ok: 200 }),
  // Nobody but its uploader sees an import, so an id nobody uploaded is what every allowed caller gets here.
  'intake GET /v1/imports/{importId}': () => ({ ok: 404, params: { importId: '00000000-0000-4000-8000-000000000000' } }),
  'intake GET /v1/imports/{importId}/errors.csv': () => ({ ok: 404, params: { importId: '00000000-0000-4000-8000-000000000000' } }),

  'metrics GET /v1/enterprises/{uscc}/indicators/{period}': () => ({ ok: 200 }),
  // Industry aggregates, no enterprise named: every allowed caller gets 200, but below the minimum cohort only the count
  // (the figures are withheld; metrics-access.int-spec checks which caller sees what).
  'metrics GET /v1/benchmarks/{industryDivision}/{period}': () => ({ ok: 200 }),

  'rating GET /v1/ratings/{uscc}': (f) => ({ ok: 200, query: { period: f.period } }),
  'rating GET /v1/ratings/{uscc}/history': () => ({ ok: 200 }),
  'rating GET /v1/rerating/{industryDivision}/{period}': () => ({ ok: 200 }),
  'rating POST /v1/rerating/{industryDivision}/{period}': () => ({ ok: 202 }),

  'finance GET /v1/products': () => ({ ok: 200 }),
  // Methodologies are the platform's published rules, the same for every signed-in caller.
  'rating GET /v1/methodologies': () => ({ ok: 200, tenant: 'none' }),
  'rating GET /v1/methodologies/{id}/{version}': () => ({ ok: 200, tenant: 'none', params: { id: 'green-efficiency-code', version: '2026.1' } }),
  'finance PUT /v1/products/{id}': () => ({
    ok: 200,
    params: { id: 'green-loan' },
    body: { name: 'Green loan', rule: { conditions: [{ field: 'grade', op: 'lte', value: 3 }, { field: 'level', op: 'notIn', value: ['high'] }] } },
  }),
  'finance GET /v1/eligibility/{uscc}': () => ({ ok: 200, query: { product: 'green-loan' } }),
  'finance POST /v1/enterprises/{uscc}/consents': (f) => ({ ok: 201, body: { bankId: f.spareBank, scopes: ['rating'] } }),
  'finance GET /v1/enterprises/{uscc}/consents': () => ({ ok: 200 }),
  'finance DELETE /v1/enterprises/{uscc}/consents/{bankId}': (f) => ({ ok: 204, params: { bankId: f.revocableBank } }),
  'finance GET /v1/enterprises/{uscc}/access-log': () => ({ ok: 200 }),
  'finance POST /v1/banks': (f) => ({ ok: 409, body: { id: f.spareBank, name: 'Again' } }),
  'finance GET /v1/banks': () => ({ ok: 200 }),
  'finance POST /v1/banks/{bankId}/api-keys': () => ({ ok: 201 }),
  'finance GET /v1/banks/{bankId}/api-keys': () => ({ ok: 200 }),
  'finance DELETE /v1/banks/{bankId}/api-keys/{keyId}': (f) => ({ ok: 204, params: { keyId: f.revocableKeyId } }),
  'finance POST /v1/auth/token': (f) => ({ ok: 200, headers: { 'x-api-key': f.apiKey } }),
  'finance POST /v1/providers': (f) => ({ ok: 409, body: { id: f.provider, name: 'Again', kind: 'grid', regionScope: '50', figures: ['energy'] } }),
  'finance GET /v1/providers': () => ({ ok: 200 }),
  'finance GET /v1/providers/{providerId}': () => ({ ok: 200 }),
  'finance POST /v1/providers/{providerId}/api-keys': () => ({ ok: 201 }),
  'finance GET /v1/providers/{providerId}/api-keys': () => ({ ok: 200 }),
  'finance DELETE /v1/providers/{providerId}/api-keys/{keyId}': (f) => ({ ok: 204, params: { keyId: f.revocableProviderKeyId } }),
  'finance GET /.well-known/jwks.json': () => ({ ok: 200 }),
};

/** The exact status a caller gets for an operation under its rule. */
export function expectedStatus(operation: Operation, rule: OperationRule, caller: CallerName): number {
  if (!operation.allowedRoles) return rule.ok;
  const { role, seesTarget } = CALLERS[caller];
  if (!role) return 401;
  if (!operation.allowedRoles.includes(role)) return 403;
  const tenant = rule.tenant ?? (operation.pathParams.includes('uscc') ? 'path' : 'none');
  if (tenant !== 'none' && !seesTarget) return rule.hidden ?? 404;
  return rule.ok;
}
