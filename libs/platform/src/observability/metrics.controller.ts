import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { PlatformMetrics } from './platform-metrics';

/** Prometheus scrape endpoint. Public like the health probes: in production only the cluster network reaches it. */
@ApiExcludeController()
@Public({ rateLimited: false })
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get()
  async scrape(@Res() reply: FastifyReply) {
    void reply.header('content-type', this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
