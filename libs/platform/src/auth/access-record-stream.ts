/**
 * Where a service's access records wait to be published: a Redis stream per service, each entry holding in field
 * `e` the `audit.data-accessed.v1` events of the requests answered together, as outbox entries in JSON, one per line
 * (JSON text has no raw line breaks).
 */
export const ACCESS_RECORD_FIELD = 'e';
export const ACCESS_RECORD_GROUP = 'drainers';

export function accessRecordStreamKey(prefix: string, service: string): string {
  return `${prefix}:access-records:${service}`;
}
