import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency-key';
import { problemSchema } from './problem-response.decorator';

const OPERATIONS = ['post', 'put', 'patch', 'delete'] as const;

function parameter(ttlHours: number): ParameterObject {
  return {
    name: IDEMPOTENCY_KEY_HEADER,
    in: 'header',
    required: false,
    description:
      `Optional (draft-ietf-httpapi-idempotency-key-header). A unique key, e.g. a UUID, as an sf-string ("...") or bare, 1-${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters. ` +
      `A retry with the same key and the same request gets the first response again (status, body, Location; header \`Idempotent-Replayed: true\`) without repeating the change, for ${ttlHours} h. ` +
      'Keys are per caller and operation. The same key with another body or URL: 422; while the first request still runs: 409 (Retry-After). ' +
      'A 5xx, 408 or 429 is not kept, so a retry with the key runs again.',
    schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH + 2 },
    example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
  };
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/**
 * Documents the `Idempotency-Key` header on every operation that accepts it (those that change something and need a
 * bearer token), with its 400, 409 and 422 answers, so no controller has to repeat it.
 */
export function documentIdempotencyKey(document: OpenAPIObject, ttlHours: number): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of OPERATIONS) {
      const operation = path[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (!operation || !operation['x-allowed-roles'] || operation['x-idempotency-key-refused']) continue;
      operation.parameters = [...(operation.parameters ?? []), parameter(ttlHours)];
      operation.responses['400'] ??= problem('Problem details (RFC 9457)');
      operation.responses['409'] ??= problem('Problem details (RFC 9457)');
      operation.responses['422'] = problem(`Problem details (RFC 9457): the ${IDEMPOTENCY_KEY_HEADER} was used with another request`);
    }
  }
  return document;
}
