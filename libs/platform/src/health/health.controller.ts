import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { ReadinessChecks } from './readiness-checks';

/**
 * Open to everyone and not rate limited: orchestrators probe these without credentials, often from one address.
 * Both cost next to nothing whatever the rate: liveness touches nothing, readiness answers from a result at most a
 * second old (see ReadinessChecks) and says only which dependency is up or down.
 */
@ApiExcludeController()
@Public({ rateLimited: false })
@Controller('health')
export class HealthController {
  constructor(private readonly checks: ReadinessChecks) {}

  @Get('live')
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const result = await this.checks.run();
    void reply.status(result.ready ? 200 : 503).send({ status: result.ready ? 'up' : 'down', checks: result.checks });
  }
}
