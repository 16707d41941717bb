import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, FieldIssue } from '../errors/domain-error';

/** Parses a request body or query with a zod schema; failures become a 400 naming each field. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  /** Public so the OpenAPI document can state what the pipe accepts (`documentValidatedInputs`). */
  constructor(readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw DomainError.validation(zodIssues(result.error));
  }
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    // An unknown field is named itself, not its parent.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldPath([...issue.path, key]), reason: `unknown field '${key}'` }))
      : [{ field: fieldPath(issue.path), reason: issue.message }],
  );
}

function fieldPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}
