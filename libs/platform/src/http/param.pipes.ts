import { PipeTransform } from '@nestjs/common';
import { parsePeriod, validateUscc } from '@gec/domain';
import { DomainError } from '../errors/domain-error';
import { periodField, usccField } from './domain-field';

/** A unified social credit code in the path: checked (400 naming `uscc`) before anything is looked up. */
export class UsccParamPipe implements PipeTransform<string, string> {
  readonly schema = usccField;

  transform(value: string): string {
    const result = validateUscc(value);
    if (!result.ok) throw DomainError.validation([{ field: 'uscc', reason: result.reason }]);
    return value;
  }
}

/** A `YYYY-MM` period in the path or query (400 naming `period`). */
export class PeriodParamPipe implements PipeTransform<string, string> {
  readonly schema = periodField;

  transform(value: string): string {
    const result = parsePeriod(value);
    if (!result.ok) throw DomainError.validation([{ field: 'period', reason: result.reason }]);
    return value;
  }
}
