import { Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RedisConnection } from '../queue/redis-connection';
import { ServiceRuntime } from '../service/service-runtime';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { documentIdempotencyKey } from './idempotency-openapi';
import { IdempotencyStore } from './idempotency-store';
import { IdempotentRequests } from './idempotent-requests';

/**
 * Idempotency-Key for every service, in one place: the interceptor that claims a key or answers from it, the
 * onSend hook that keeps or replays responses (handlers' and the exception filter's alike), and the OpenAPI
 * document's header. Call it before the app is initialised, so the hook covers every route.
 */
export function installIdempotency(app: NestFastifyApplication, runtime: ServiceRuntime): (document: OpenAPIObject) => void {
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
  return (document) => void documentIdempotencyKey(document, config.IDEMPOTENCY_KEY_TTL_HOURS);
}
