import { Kafka, logLevel as KafkaLogLevel } from 'kafkajs';
import type { Logger } from 'pino';

/** The one place a kafkajs client is configured; producer, consumer and admin all come from it. */
export function createKafkaClient(options: { brokers: string[]; clientId: string; logger: Logger }): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 5000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10000 },
    logLevel: KafkaLogLevel.WARN,
    logCreator: () => ({ level, label, log: entry }) => {
      const { message, ...extra } = entry;
      const method = level <= KafkaLogLevel.ERROR ? 'error' : level === KafkaLogLevel.WARN ? 'warn' : 'debug';
      log[method]({ kafkaLevel: label, ...extra }, message);
    },
  });
}
