import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { requestContext } from '../context/request-context';
import { DomainError } from '../errors/domain-error';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import { RateLimiter } from './rate-limiter';
import { TokenVerifier } from './token-verifier';

/**
 * Runs before every HTTP handler: an endpoint without an access rule is refused (fail closed), a public one
 * passes (within its client address's rate limit), any other needs a valid bearer token of an allowed role, within
 * the caller's rate limit.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new DomainError('forbidden', 'This endpoint states no access rule, so nobody may call it.');
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; ip: string; caller?: unknown }>();
    if (rule.kind === 'public') {
      if (rule.rateLimited) this.limiter.consume(`address:${request.ip}`);
      return true;
    }

    const caller = await this.verifier.verify(bearerToken(request.headers.authorization));
    request.caller = caller;
    requestContext.enrich({ subject: caller.subject, role: caller.role });
    this.limiter.consume(`${caller.role}:${caller.subject}`);
    if (!rule.roles.includes(caller.role)) throw new DomainError('forbidden', `The ${caller.role} role may not call this endpoint.`);
    return true;
  }
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header ?? '');
  if (!match) throw DomainError.unauthenticated('A bearer token is required (Authorization: Bearer <token>).');
  return match[1];
}
