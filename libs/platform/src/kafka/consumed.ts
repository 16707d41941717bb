import { EventEnvelope } from '@gec/contracts';

/** An event as a batch handler gets it: the validated envelope and where it sits in its topic. */
export type Consumed<P> = EventEnvelope<P> & { position: { partition: number; offset: string } };

/** Kafka offsets are 64-bit integers carried as strings. */
export function offsetAfter(offset: string, stored: string | undefined): boolean {
  return stored === undefined || BigInt(offset) > BigInt(stored);
}
