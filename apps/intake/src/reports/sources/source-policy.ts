import { Injectable } from '@nestjs/common';
import { SourceKind } from '@gec/domain';
import { ServiceRuntime } from '@gec/platform';
import { IntakeConfig } from '../../intake.config';

/** Which source's figure a report uses, and how far apart two sources' values may be before the report is warned. */
@Injectable()
export class SourcePolicy {
  readonly precedence: readonly SourceKind[];
  readonly tolerance: number;

  constructor(runtime: ServiceRuntime<IntakeConfig>) {
    this.precedence = runtime.config.INTAKE_SOURCE_PRECEDENCE;
    this.tolerance = runtime.config.INTAKE_SOURCE_TOLERANCE;
  }
}
