/** A failure the caller can act on, with a stable code; the HTTP edge maps it to problem+json. */
export type DomainErrorCode = 'validation' | 'not-found' | 'conflict' | 'unauthenticated' | 'forbidden' | 'rate-limited' | 'unavailable' | 'unprocessable';

export interface FieldIssue {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** Response headers the caller needs to act on it, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static unauthenticated(message: string): DomainError {
    return new DomainError('unauthenticated', message, [], { 'www-authenticate': 'Bearer' });
  }
  static forbidden(message: string, issues: FieldIssue[] = []): DomainError {
    return new DomainError('forbidden', message, issues);
  }
  static rateLimited(retryAfterSeconds: number): DomainError {
    return new DomainError('rate-limited', `Too many requests; try again in ${retryAfterSeconds} s.`, [], { 'retry-after': String(retryAfterSeconds) });
  }

  static validation(issues: FieldIssue[], message = 'The request is not valid.'): DomainError {
    return new DomainError('validation', message, issues);
  }
  static notFound(message: string, issues: FieldIssue[] = []): DomainError {
    return new DomainError('not-found', message, issues);
  }
  static conflict(message: string, issues: FieldIssue[] = []): DomainError {
    return new DomainError('conflict', message, issues);
  }
}
