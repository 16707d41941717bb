import { ArgumentsHost, Catch, Controller, applyDecorators, RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { TopicDefinition } from '@gec/contracts';
import { Observable, throwError } from 'rxjs';

/** Hands handler errors to the transport unchanged, so it can tell a retry from a dead letter. */
@Catch()
export class RethrowEventErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Marks a class whose methods consume Kafka events. */
export function EventConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(RethrowEventErrorsFilter));
}

/**
 * The handler receives a batch of validated, not yet processed envelopes of this topic, in offset order per
 * partition (`EventEnvelope<P>[]`), and does the batch's reads and writes in bulk. It must be idempotent: after a
 * crash, a batch is handed over again.
 */
export function OnEvents<P>(topic: TopicDefinition<P>): MethodDecorator {
  return EventPattern(topic.name);
}
