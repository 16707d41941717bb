import pino from 'pino';
import { MongoConnection, ProcessedEventsRepository, Retention } from '@gec/platform';
import { IsolatedRun } from '../isolated-run';
import { testInfra } from '../test-infra';

/** Collections that used to grow for ever now keep what they must, then forget it (platform, real database). */
describe('retention (platform): expired documents are deleted', () => {
  const run = new IsolatedRun();
  const hour = 3_600_000;
  let mongo: MongoConnection;

  beforeAll(async () => {
    mongo = new MongoConnection(testInfra().mongoUrl, run.dbName('retention'));
    await mongo.open();
  });
  afterAll(() => mongo.close());

  it('forgets processed-event ids beyond the redelivery horizon, and only those', async () => {
    const retention = new Retention(pino({ level: 'silent' }));
    const processed = new ProcessedEventsRepository(mongo, retention, 24);
    await processed.remember('metrics', ['old-1', 'old-2', 'recent']);
    const now = Date.now();
    const collection = mongo.connection.collection('processed_events');
    await collection.updateMany({ _id: { $in: ['metrics:old-1', 'metrics:old-2'] } } as never, { $set: { processedAt: new Date(now - 25 * hour) } });

    expect(await retention.sweep(new Date(now))).toEqual({ processed_events: 2 });
    expect(await processed.seen('metrics', ['old-1', 'old-2', 'recent'])).toEqual(new Set(['recent']));
    // A second sweep (another replica, or the next hour) has nothing left to do.
    expect(await retention.sweep(new Date(now))).toEqual({ processed_events: 0 });
  });

  it('refuses a rule without a positive age', () => {
    const retention = new Retention(pino({ level: 'silent' }));
    expect(() => new ProcessedEventsRepository(mongo, retention, 0)).toThrow(/positive/);
  });
});
