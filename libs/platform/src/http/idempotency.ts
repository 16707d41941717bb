import { Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RedisConnection } from '../queue/redis-connection';
import { ServiceRuntime } from '../service/service-runtime';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency-store';
import { IdempotentRequests } from './idempotent-requests';

/**
 * Idempotency-Key for every service, in one place: the interceptor that claims a key or answers from it, the
 * onSend hook that keeps or replays responses (handlers' and the exception filter's alike); the OpenAPI document's
 * header is added by `documentIdempotencyKey`. Call it before the app is initialised, so the hook covers every route.
 */
export function installIdempotency(app: NestFastifyApplication, runtime: ServiceRuntime): void {
  const { config, logger } = runtime;
  const store = new IdempotencyStore(
    app.get(RedisConnection),
    `${config.QUEUE_PREFIX}:idempotency:${config.SERVICE_NAME}`,
    config.IDEMPOTENCY_IN_FLIGHT_SECONDS * 1000,
    Math.round(config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000),
  );
  const requests = new IdempotentRequests(store, logger);
  app.getHttpAdapter().getInstance().addHook('onSend', requests.onSend);
  app.useGlobalInterceptors(new IdempotencyInterceptor(app.get(Reflector), store, requests));
}
