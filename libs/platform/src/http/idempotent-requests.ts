import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { IdempotencyClaim, IdempotencyStore, StoredResponse } from './idempotency-store';

/** Headers that belong to the response itself and are replayed with it (not per-request ones such as the correlation id). */
const REPLAYED_HEADERS = ['content-type', 'location', 'content-location', 'etag', 'last-modified', 'link'];
/** Answers that say "not now" rather than "this is the outcome": the client may retry them with the same key. */
const TRANSIENT_STATUSES = new Set([408, 425, 429]);
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

type Pending = { kind: 'claimed'; claim: IdempotencyClaim } | { kind: 'replay'; response: StoredResponse };

/**
 * The response side of idempotency, as a Fastify onSend hook: it sees every response, those of handlers and those
 * the exception filter makes from errors (which a Nest interceptor would miss). A request that claimed a key has its
 * response stored (or, for a 5xx or a transient 4xx, its claim released); a request found to repeat a completed one
 * has its response replaced by the stored one.
 */
export class IdempotentRequests {
  private readonly pending = new WeakMap<object, Pending>();

  constructor(
    private readonly store: IdempotencyStore,
    private readonly logger: Logger,
  ) {}

  claimed(request: object, claim: IdempotencyClaim): void {
    this.pending.set(request, { kind: 'claimed', claim });
  }

  replay(request: object, response: StoredResponse): void {
    this.pending.set(request, { kind: 'replay', response });
  }

  readonly onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const pending = this.pending.get(request);
    if (!pending) return payload;
    this.pending.delete(request);
    if (pending.kind === 'replay') return this.replayed(reply, pending.response);

    const { claim } = pending;
    const status = reply.statusCode;
    const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : payload == null ? Buffer.alloc(0) : undefined;
    try {
      if (status >= 500 || TRANSIENT_STATUSES.has(status) || !body) {
        if (!body) this.logger.warn({ url: request.url }, 'a streamed response is not kept for its Idempotency-Key; a retry runs the request again');
        await this.store.release(claim);
      } else if (!(await this.store.complete(claim, { status, headers: replayedHeaders(reply), body: body.toString('base64') }))) {
        this.logger.warn({ url: request.url }, 'the Idempotency-Key marker expired before the response was kept');
      }
    } catch (error) {
      // The work is done; the client gets its answer. A retry within the in-flight period then gets 409, later it runs again.
      this.logger.warn({ err: error, url: request.url }, 'could not keep the response for its Idempotency-Key');
    }
    return payload;
  };

  private replayed(reply: FastifyReply, response: StoredResponse): Buffer {
    void reply.code(response.status);
    reply.removeHeader('content-type');
    for (const [name, value] of Object.entries(response.headers)) void reply.header(name, value);
    void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return Buffer.from(response.body, 'base64');
  }
}

function replayedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}
