import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka } from 'kafkajs';
import { requestContext } from '../context/request-context';
import { newId } from '../ids/event-ids';
import { PinoNestLogger } from '../logging/pino-nest-logger';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { installIdempotency } from '../http/idempotency';
import { documentIdempotencyKey } from '../http/idempotency-openapi';
import { EventProducer } from '../kafka/event-producer';
import { KafkaEventServer } from '../kafka/kafka-event.server';
import { ProcessedEventsRepository } from '../kafka/processed-events.repository';
import { TopicNames } from '../kafka/topic-names';
import { ServiceRuntime } from './service-runtime';
import { OpenApiDocument } from './openapi-document';
import { PlatformMetrics } from '../observability/platform-metrics';
import { describeService, ServiceDescription } from './openapi-document';

export type { ServiceDescription };

export interface CreateServiceOptions {
  /**
   * Build the module graph without instantiating anything (Nest's preview mode): no connection is opened and the
   * app cannot start, but its OpenAPI document can be made (`npm test` compares every operation with its access rules).
   */
  preview?: boolean;
}

const CORRELATION_HEADER = 'x-correlation-id';

/** Builds a service: Fastify HTTP with problem+json errors and an OpenAPI document, and its Kafka consumers. */
export async function createService(rootModule: DynamicModule, runtime: ServiceRuntime, description: ServiceDescription, options: CreateServiceOptions = {}): Promise<NestFastifyApplication> {
  const { logger } = runtime;
  // With trusted proxies, request.ip is the first address in X-Forwarded-For, walking back from the right, that is
  // not one of them (so every per-address limit counts clients, not the proxy); without, the socket's address.
  const trustProxy = runtime.config.TRUSTED_PROXIES.length > 0 ? runtime.config.TRUSTED_PROXIES : false;
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { logger: new PinoNestLogger(logger), abortOnError: false, preview: options.preview });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const header = request.headers[CORRELATION_HEADER];
    const correlationId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : newId();
    void reply.header(CORRELATION_HEADER, correlationId);
    requestContext.run({ correlationId }, done);
  });
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  if (!options.preview) {
    // Request durations by route pattern (never the raw URL, whose ids would make a series per enterprise).
    const http = app.get(PlatformMetrics).httpRequests;
    fastify.addHook('onResponse', (request, reply, done) => {
      http.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      done();
    });
  }

  const document = describeService(app, description);
  documentIdempotencyKey(document, runtime.config.IDEMPOTENCY_KEY_TTL_HOURS);
  if (options.preview) return app;
  installIdempotency(app, runtime);
  app.get(OpenApiDocument).set(document);

  const server = new KafkaEventServer({
    kafka: app.get(Kafka),
    groupId: runtime.config.KAFKA_TOPIC_PREFIX + runtime.config.KAFKA_CONSUMER_GROUP,
    topics: app.get(TopicNames),
    producer: app.get(EventProducer),
    processed: app.get(ProcessedEventsRepository),
    metrics: app.get(PlatformMetrics),
    logger,
    sessionTimeoutMs: runtime.config.KAFKA_SESSION_TIMEOUT_MS,
    maxBatch: runtime.config.EVENT_MAX_BATCH,
    maxAttempts: runtime.config.EVENT_MAX_ATTEMPTS,
    retryBaseMs: runtime.config.EVENT_RETRY_BASE_MS,
  });
  app.connectMicroservice({ strategy: server });
  app.enableShutdownHooks();
  return app;
}

/** Opens connections, starts consuming, then serves HTTP. */
export async function startService(app: NestFastifyApplication, runtime: ServiceRuntime): Promise<string> {
  await app.init();
  await app.startAllMicroservices();
  await app.listen({ port: runtime.config.PORT, host: runtime.config.HOST });
  const url = await app.getUrl();
  runtime.logger.info({ url }, 'service started');
  return url.replace('[::1]', '127.0.0.1');
}
