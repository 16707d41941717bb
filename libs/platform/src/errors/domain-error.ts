/** A failure the caller can act on, with a stable code; the HTTP edge maps it to problem+json. */
export type DomainErrorCode = 'validation' | 'not-found' | 'conflict' | 'unauthenticated' | 'forbidden' | 'unavailable';

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
  ) {
    super(message);
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
