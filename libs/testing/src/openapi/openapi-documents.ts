import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_NAMES, ServiceName } from '../platform-processes';

const ROOT = path.resolve(__dirname, '../../../..');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The parts of an OpenAPI 3 document the adversarial tests read. */
export interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof HTTP_METHODS)[number], OpenApiOperation>>>;
}

export interface OpenApiOperation {
  operationId?: string;
  'x-allowed-roles'?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

/** One operation of one service: `GET /v1/ratings/{uscc}`, who may call it (undefined: anyone, no token). */
export interface Operation {
  service: ServiceName;
  method: string;
  path: string;
  /** `intake GET /v1/enterprises/{uscc}` */
  key: string;
  allowedRoles: string[] | undefined;
  pathParams: string[];
  hasBody: boolean;
}

/**
 * Every service's OpenAPI document, made in-process by the service's own code (apps/<service>/src/openapi.ts, which
 * builds its module graph without starting it), not fetched from a running service: the documents describe the code
 * whatever route serves them. `env` is a service's configuration (it is read, though nothing connects).
 */
export async function openApiDocuments(env: (service: ServiceName) => Record<string, string>): Promise<Record<ServiceName, OpenApiDocument>> {
  const entries = await Promise.all(
    SERVICE_NAMES.map(async (service) => {
      const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, `apps/${service}/src/openapi.ts`)], {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'), ...env(service), LOG_LEVEL: 'silent' },
        maxBuffer: 16 * 1024 * 1024,
      });
      return [service, JSON.parse(stdout) as OpenApiDocument] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ServiceName, OpenApiDocument>;
}

/** The operations of the documents, in document order. */
export function operationsOf(documents: Record<ServiceName, OpenApiDocument>): Operation[] {
  return SERVICE_NAMES.flatMap((service) =>
    Object.entries(documents[service].paths).flatMap(([p, item]) =>
      HTTP_METHODS.filter((m) => item[m]).map((m) => {
        const operation = item[m]!;
        const isPublic = Array.isArray(operation.security) && operation.security.every((s) => Object.keys(s as object).length === 0);
        return {
          service,
          method: m.toUpperCase(),
          path: p,
          key: `${service} ${m.toUpperCase()} ${p}`,
          allowedRoles: isPublic ? undefined : (operation['x-allowed-roles'] ?? []),
          pathParams: [...p.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
          hasBody: operation.requestBody !== undefined,
        };
      }),
    ),
  );
}
