import { DataAccessed, TOPICS } from '@gec/contracts';
import { DomainError } from '../errors/domain-error';
import { EventFactory } from '../kafka/event-factory';
import { newId } from '../ids/event-ids';
import { RedisConnection } from '../queue/redis-connection';
import { ACCESS_RECORD_FIELD } from './access-record-stream';
import { EnterpriseAccess } from './enterprise-access';

/** Records of one turn of the event loop go into one stream entry, up to this many. */
const RECORDS_PER_ENTRY = 50;

interface PendingEntry {
  records: string[];
  written: Promise<void>;
}

/**
 * Records every read of an enterprise's data by a bank, regulator or administrator, so the enterprise can see who
 * looked, when, and under which consent. `record` resolves once the record is in Redis (a stream of the service's
 * access records, appended with the records of concurrent requests in one command), so a read is answered only
 * when its record is kept; if Redis can't take it, the read fails (503) instead of being answered unrecorded.
 * Each process's AccessRecordDrainer then publishes the records as `audit.data-accessed.v1` events, off the request
 * path; if the process dies first, another one does.
 */
export class AccessRecorder {
  private pending?: PendingEntry;

  constructor(
    private readonly redis: RedisConnection,
    private readonly streamKey: string,
    private readonly events: EventFactory,
  ) {}

  async record(access: EnterpriseAccess, resource: string): Promise<void> {
    // An enterprise reading its own data, or a provider its own submissions: nobody else's data is read.
    if (access.basis === 'self' || access.basis === 'provider') return;
    const { caller } = access;
    const at = new Date();
    const accessed: DataAccessed = {
      accessId: newId(),
      uscc: access.uscc,
      service: this.events.producer,
      resource,
      subject: caller.subject,
      role: caller.role as DataAccessed['role'],
      bankId: caller.bankId ?? null,
      regionPrefix: caller.regionPrefix ?? null,
      basis: access.basis,
      consentId: access.consentId ?? null,
      accessedAt: at.toISOString(),
    };
    // The event id is the access id: publishing a record twice (after a crash) is deduplicated by consumers.
    const event = this.events.create(TOPICS.dataAccessed, accessed, { eventId: accessed.accessId, occurredAt: at });
    return this.append(JSON.stringify(event));
  }

  private append(record: string): Promise<void> {
    let entry = this.pending;
    if (!entry || entry.records.length >= RECORDS_PER_ENTRY) entry = this.open();
    entry.records.push(record);
    return entry.written;
  }

  private open(): PendingEntry {
    const records: string[] = [];
    const entry: PendingEntry = {
      records,
      written: new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          if (this.pending === entry) this.pending = undefined;
          this.redis.requests.xadd(this.streamKey, '*', ACCESS_RECORD_FIELD, records.join('\n')).then(
            () => resolve(),
            () => reject(new DomainError('unavailable', 'The access log cannot record this read right now, so it is not answered; try again shortly.', [], { 'retry-after': '1' })),
          );
        });
      }),
    };
    this.pending = entry;
    return entry;
  }
}
