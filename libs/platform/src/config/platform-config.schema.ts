import { isIP } from 'node:net';
import { z } from 'zod';

const urlList = z
  .string()
  .min(1)
  .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
  .refine((list) => list.every((b) => /^[^:/\s]+:\d+$/.test(b)), 'expected host:port[,host:port...]');

const optionalPath = z.string().min(1).optional();

const commaList = (s: string) => s.split(',').map((item) => item.trim()).filter(Boolean);

/**
 * Where a verifier fetches signing keys: https, so nobody on the path can swap in their own keys. Plain http only to
 * a loopback host (a sidecar or a local development stand-in), where the request never leaves the machine.
 */
const jwksUrl = z
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  }, 'expected an https:// URL (plain http only to a loopback host: localhost, 127.0.0.0/8 or [::1])')
  .optional();

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Proxies whose X-Forwarded-For is believed: addresses or CIDR blocks, IPv4 or IPv6. */
const trustedProxies = z
  .string()
  .transform(commaList)
  .superRefine((entries, ctx) => {
    for (const entry of entries) if (!isAddressOrBlock(entry)) ctx.addIssue({ code: 'custom', message: `${entry} is not an IP address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32)` });
  });

function isAddressOrBlock(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Settings every service shares; each app extends it with its own. */
export function platformConfigSchema(defaults: { service: string; port: number }) {
  return z.object({
    SERVICE_NAME: z.string().min(1).default(defaults.service),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(defaults.port),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    KAFKA_BROKERS: urlList.default(['127.0.0.1:19092']),
    KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, dot, dash, underscore only').default(''),
    KAFKA_CONSUMER_GROUP: z.string().min(1).default(defaults.service),
    // A replica that died is noticed after this long and its partitions handed to the others (broker minimum 6 s).
    KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300000).default(6000),
    EVENT_MAX_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
    MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// URL').default('mongodb://127.0.0.1:27117'),
    MONGO_DB: z.string().regex(/^[a-zA-Z0-9_-]+$/).default(`gec_${defaults.service}`),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// URL').default('redis://127.0.0.1:16379'),
    QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('gec'),
    OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(5000),
    EVENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    EVENT_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60000).default(200),
    // Tokens from the organisation's identity provider (any OIDC provider): its issuer, our audience, its keys.
    AUTH_ISSUER: z.string().min(1).default('https://idp.gec.local/dev'),
    // The platform-wide audience: finance puts it in the tokens it issues for API keys.
    AUTH_AUDIENCE: z.string().min(1).default('green-efficiency-code'),
    // The audiences this service accepts; unset: AUTH_AUDIENCE and AUTH_AUDIENCE/<SERVICE_NAME> (see acceptedAudiences).
    AUTH_ACCEPTED_AUDIENCES: z.string().transform(commaList).pipe(z.array(z.string().min(1)).min(1, 'expected at least one audience')).optional(),
    // The `typ` header values accepted on the identity provider's tokens (RFC 9068 access tokens by default).
    AUTH_TOKEN_TYPES: z.string().transform(commaList).pipe(z.array(z.string().regex(/^[\w.+/-]+$/, 'expected a media type such as at+jwt')).min(1, 'expected at least one token type')).default(['at+jwt']),
    // The oldest token accepted, counted from its `iat` (tokens without `iat` are refused), whatever its `exp`.
    AUTH_TOKEN_MAX_AGE_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(3600),
    AUTH_JWKS_URL: jwksUrl,
    AUTH_JWKS_FILE: optionalPath,
    // Tokens the platform itself issues to machine clients for their API keys (finance signs them).
    AUTH_PLATFORM_ISSUER: z.string().min(1).default('https://gec.local/token'),
    AUTH_PLATFORM_JWKS_URL: jwksUrl,
    AUTH_PLATFORM_JWKS_FILE: optionalPath,
    // How often each process re-reads the revoked API keys from Redis (notices arrive at once; this catches lost ones).
    AUTH_REVOCATION_REFRESH_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    // Reverse proxies in front of the service; unset, the client address is the socket's and X-Forwarded-For is ignored.
    TRUSTED_PROXIES: trustedProxies.default([]),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    // How often each replica adds its callers' counts to the shared ones in Redis (bounds how far R replicas overshoot).
    RATE_LIMIT_SYNC_MS: z.coerce.number().int().min(10).max(5000).default(200),
    // Access records wait in a Redis stream until a drainer publishes them; how often each process drains it, and
    // after how long without acknowledgement a record read by another (presumably dead) process is taken over.
    ACCESS_RECORD_DRAIN_MS: z.coerce.number().int().min(1).max(3_600_000).default(100),
    ACCESS_RECORD_CLAIM_IDLE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    // In-process read models: other replicas' changes reach them within READ_MODEL_STALE_MS (or the caches are
    // bypassed), and no cached value is older than READ_MODEL_MAX_AGE_MS in any case.
    READ_MODEL_STALE_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    READ_MODEL_MAX_AGE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    // Processed-event ids are kept past any redelivery (Kafka's retention, 7 days by default), then deleted; every
    // process sweeps what its collections no longer keep every RETENTION_SWEEP_MS.
    PROCESSED_EVENTS_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 366).default(14 * 24),
    RETENTION_SWEEP_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
    // An Idempotency-Key's first response is replayed for this long; a request still running holds its key at most IDEMPOTENCY_IN_FLIGHT_SECONDS.
    IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
    IDEMPOTENCY_IN_FLIGHT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  });
}

export type PlatformConfig = z.infer<ReturnType<typeof platformConfigSchema>>;

/** The audiences a service accepts: AUTH_ACCEPTED_AUDIENCES, or else the platform-wide one and the service's own. */
export function acceptedAudiences(config: Pick<PlatformConfig, 'AUTH_ACCEPTED_AUDIENCES' | 'AUTH_AUDIENCE' | 'SERVICE_NAME'>): string[] {
  return config.AUTH_ACCEPTED_AUDIENCES ?? [config.AUTH_AUDIENCE, `${config.AUTH_AUDIENCE}/${config.SERVICE_NAME}`];
}
