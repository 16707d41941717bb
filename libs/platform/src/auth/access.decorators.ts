import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiProblems } from '../http/problem-response.decorator';
import { Caller, Role } from './caller';

export const ACCESS_RULE = 'gec:access-rule';

export type AccessRule = { kind: 'public'; rateLimited: boolean } | { kind: 'roles'; roles: Role[] };

/**
 * Anyone may call this endpoint, without a token; calls are limited per client address unless `rateLimited` is
 * false (health probes, which orchestrators poll).
 */
export function Public(options: { rateLimited?: boolean } = {}) {
  return applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'public', rateLimited: options.rateLimited ?? true } satisfies AccessRule), ApiSecurity({}));
}

/** Callers with one of these roles may call this endpoint; whose data they then see is the handler's scope check. */
export function Allow(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiExtension('x-allowed-roles', roles),
    ApiProblems(401, 403, 429),
  );
}

/** The verified caller of the current request. */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  return (ctx.switchToHttp().getRequest() as { caller: Caller }).caller;
});
