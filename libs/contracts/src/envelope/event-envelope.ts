import { z } from 'zod';

/** What every event carries around its payload. */
export interface EventEnvelope<P> {
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId: string | null;
  key: string;
  payload: P;
}

export function eventEnvelopeSchema<P>(payload: z.ZodType<P>) {
  return z.object({
    eventId: z.uuid(),
    type: z.string().min(1),
    schemaVersion: z.int().positive(),
    occurredAt: z.iso.datetime({ offset: true }),
    producer: z.string().min(1),
    correlationId: z.string().min(1),
    causationId: z.string().min(1).nullable(),
    key: z.string().min(1),
    payload,
  });
}
