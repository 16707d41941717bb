/** Where the real infrastructure for tests runs: `npm test` starts it and passes the URLs. */
export function testInfra() {
  return {
    kafkaBrokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:29092',
    mongoUrl: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27217',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:26379',
  };
}
