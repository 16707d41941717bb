import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, Observable, of, switchMap } from 'rxjs';
import { Caller } from '../auth/caller';
import { DomainError } from '../errors/domain-error';
import { IDEMPOTENCY_KEY_REFUSED } from './idempotency.decorators';
import { requestFingerprint } from './idempotency-fingerprint';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from './idempotency-key';
import { BeginOutcome, IdempotencyStore } from './idempotency-store';
import { IdempotentRequests } from './idempotent-requests';

/** The methods that change something; safe ones (GET, HEAD, OPTIONS) ignore the header. */
export const IDEMPOTENT_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The request side of idempotency, after the access guard (so the caller is known) and before the body pipes: a
 * request with an `Idempotency-Key` claims it for its caller and route, or is answered from the claim already
 * there: the stored first response, 409 while that one still runs, 422 when the key came with another request.
 * Operations without a bearer token (the token exchange) ignore the header.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    private readonly requests: IdempotentRequests,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const header = request.headers['idempotency-key'];
    if (header === undefined || !IDEMPOTENT_METHODS.has(request.method) || !request.caller) return next.handle();
    const refused = this.reflector.getAllAndOverride<string | undefined>(IDEMPOTENCY_KEY_REFUSED, [context.getHandler(), context.getClass()]);
    if (refused) throw DomainError.validation([{ field: IDEMPOTENCY_KEY_HEADER, reason: refused }], `This operation does not accept an ${IDEMPOTENCY_KEY_HEADER}.`);
    const key = parseIdempotencyKey(header);
    if (request.body === undefined && hasBody(request)) {
      // A body the handler reads as a stream (an upload) cannot be compared; its operation must be idempotent by content.
      throw DomainError.validation([{ field: IDEMPOTENCY_KEY_HEADER, reason: 'this operation streams its body, which cannot be compared' }], `This operation does not accept an ${IDEMPOTENCY_KEY_HEADER}.`);
    }
    const { caller } = request;
    const scope = {
      role: caller.role,
      subject: caller.subject,
      tenant: caller.uscc ?? caller.bankId ?? caller.regionPrefix ?? '',
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      key,
    };
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    return from(this.begin(scope, fingerprint)).pipe(
      switchMap((outcome) => {
        switch (outcome.kind) {
          case 'acquired':
            this.requests.claimed(request, outcome.claim);
            return next.handle();
          case 'replay':
            // The handler does not run; the onSend hook replaces this empty answer with the stored one.
            this.requests.replay(request, outcome.response);
            return of(undefined);
          case 'in-flight':
            throw new DomainError('conflict', `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry once it has been answered.`, [{ field: IDEMPOTENCY_KEY_HEADER, reason: 'in use by a request still being processed' }], { 'retry-after': '1' });
          case 'mismatch':
            throw new DomainError('unprocessable', `This ${IDEMPOTENCY_KEY_HEADER} was used with another request; use a new key for a new request.`, [{ field: IDEMPOTENCY_KEY_HEADER, reason: 'already used with a different request body or URL' }]);
        }
      }),
    );
  }

  private async begin(scope: Parameters<IdempotencyStore['begin']>[0], fingerprint: string): Promise<BeginOutcome> {
    try {
      return await this.store.begin(scope, fingerprint);
    } catch {
      // Without the store, running the request could run it twice; the client retries with the same key.
      throw new DomainError('unavailable', `${IDEMPOTENCY_KEY_HEADER} records are unavailable; retry later with the same key.`, [], { 'retry-after': '1' });
    }
  }
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}
