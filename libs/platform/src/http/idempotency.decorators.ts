import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IDEMPOTENCY_KEY_REFUSED = 'gec:idempotency-key-refused';

/**
 * This operation refuses an `Idempotency-Key` (400) rather than keep its answer, e.g. because the answer holds a
 * secret that must not be stored; `reason` tells the client why.
 */
export function IdempotencyKeyRefused(reason: string) {
  return applyDecorators(SetMetadata(IDEMPOTENCY_KEY_REFUSED, reason), ApiExtension('x-idempotency-key-refused', reason));
}
