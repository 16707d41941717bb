import { PipeTransform } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { PROVIDER_ID_PATTERN, providerIdSchema } from './provider';

/** A provider id in the path: checked before anything is looked up. */
export class ProviderIdParamPipe implements PipeTransform<string, string> {
  readonly schema = providerIdSchema;

  transform(value: string): string {
    if (!PROVIDER_ID_PATTERN.test(value)) throw DomainError.validation([{ field: 'providerId', reason: 'expected 2-64 lower-case letters, digits or dashes' }]);
    return value;
  }
}
