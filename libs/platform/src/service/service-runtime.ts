import type { Logger } from 'pino';
import { PlatformConfig } from '../config/platform-config.schema';

/** A service's validated configuration and its logger, made once at start. */
export class ServiceRuntime<C extends PlatformConfig = PlatformConfig> {
  constructor(
    readonly config: C,
    readonly logger: Logger,
  ) {}
}
