import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { PlatformMetrics } from './platform-metrics';

/**
 * Prometheus scrape endpoint. Public (in production only the cluster network reaches it), but unlike the health
 * probes it does real work per call, so it is within the per-address rate limit (a scraper calls every few seconds).
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get()
  async scrape(@Res() reply: FastifyReply) {
    void reply.header('content-type', this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
