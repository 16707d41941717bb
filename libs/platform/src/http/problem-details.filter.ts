import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { requestContext } from '../context/request-context';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';

const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'rate-limited': 429,
  conflict: 409,
  unavailable: 503,
  unprocessable: 422,
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every HTTP error leaves as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.url;
    problem.correlationId = requestContext.current()?.correlationId;
    if (problem.status >= 500) this.logger.error({ err: exception, url: request.url }, 'request failed');
    if (exception instanceof DomainError) for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const status = STATUS_BY_CODE[exception.code];
      return {
        type: problemType(exception.code),
        title: TITLE_BY_STATUS[status],
        status,
        detail: exception.message,
        ...(exception.issues.length ? { errors: exception.issues } : {}),
      };
    }
    const status = statusOf(exception);
    if (status && status < 500) {
      return {
        type: problemType(`http-${status}`),
        title: TITLE_BY_STATUS[status] ?? 'Error',
        status,
        detail: messageOf(exception),
      };
    }
    return {
      type: problemType('internal'),
      title: TITLE_BY_STATUS[500],
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'An unexpected error occurred; it has been logged.',
    };
  }
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry statusCode.
  const code = (exception as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function messageOf(exception: unknown): string {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'object' && response && 'message' in response) return String(response.message);
    return exception.message;
  }
  return exception instanceof Error ? exception.message : 'Request failed';
}
