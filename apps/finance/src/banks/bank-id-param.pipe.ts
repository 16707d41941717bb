import { PipeTransform } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { BANK_ID_PATTERN, bankIdSchema } from './bank';

/** A bank id in the path: checked before anything is looked up. */
export class BankIdParamPipe implements PipeTransform<string, string> {
  readonly schema = bankIdSchema;

  transform(value: string): string {
    if (!BANK_ID_PATTERN.test(value)) throw DomainError.validation([{ field: 'bankId', reason: 'expected 2-64 lower-case letters, digits or dashes' }]);
    return value;
  }
}
