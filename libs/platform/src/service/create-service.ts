import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Kafka } from 'kafkajs';
import { requestContext } from '../context/request-context';
import { newId } from '../ids/event-ids';
import { PinoNestLogger } from '../logging/pino-nest-logger';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { installIdempotency } from '../http/idempotency';
import { EventProducer } from '../kafka/event-producer';
import { KafkaEventServer } from '../kafka/kafka-event.server';
import { ProcessedEventsRepository } from '../kafka/processed-events.repository';
import { TopicNames } from '../kafka/topic-names';
import { ServiceRuntime } from './service-runtime';
import { PlatformMetrics } from '../observability/platform-metrics';

export interface ServiceDescription {
  title: string;
  description: string;
}

const CORRELATION_HEADER = 'x-correlation-id';

/** Builds a service: Fastify HTTP with problem+json errors and an OpenAPI document, and its Kafka consumers. */
export async function createService(rootModule: DynamicModule, runtime: ServiceRuntime, description: ServiceDescription): Promise<NestFastifyApplication> {
  const { logger } = runtime;
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { logger: new PinoNestLogger(logger), abortOnError: false });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const header = request.headers[CORRELATION_HEADER];
    const correlationId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : newId();
    void reply.header(CORRELATION_HEADER, correlationId);
    requestContext.run({ correlationId }, done);
  });
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  const documentIdempotency = installIdempotency(app, runtime);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(`${description.description}\n\nEvery operation but the health probes needs a bearer token (JWT) from the identity provider; \`x-allowed-roles\` lists the roles that may call it, and an enterprise, bank or regulator then sees only its own, consented or regional data.`)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  documentIdempotency(document);
  fastify.get('/docs-json', (_request, reply) => reply.send(document));

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
