import { FieldIssue } from '../errors/domain-error';

/** RFC 9457 problem details, with the offending fields listed. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldIssue[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `https://green-efficiency-code.example/problems/${code}`;
}
