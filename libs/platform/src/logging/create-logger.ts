import pino, { Logger } from 'pino';
import { requestContext } from '../context/request-context';

export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.password', '*.token', '*.authorization', 'headers.authorization', '*.apiKey'], censor: '[redacted]' },
    mixin: () => ({ ...requestContext.current() }),
  });
}
