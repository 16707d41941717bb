// Re-rating throughput: seeds one industry of N members straight into rating's database (its members, cohort and
// benchmark read models, as the benchmark consumer would have left them), asks rating to re-rate the industry and
// reads the job's progress until it is done. Every member is rated for the first time, so each one is a rating
// written and a rating-changed event sent.
import { makeUscc } from '@gec/domain';
import { MongoConnection } from '@gec/platform';
import { request, waitFor } from '@gec/testing';

export interface RerateFigures {
  enterprises: number;
  seconds: number;
  perSecond: number;
  seedSeconds: number;
}

export async function measureRerate(options: { ratingUrl: string; mongoUrl: string; dbName: string; adminHeaders: Record<string, string>; count: number }): Promise<RerateFigures> {
  const division = 'C37';
  const period = '2026-09';
  const seedStarted = Date.now();
  const mongo = new MongoConnection(options.mongoUrl, options.dbName);
  await mongo.open();
  try {
    const db = mongo.connection.db!;
    const usccs = Array.from({ length: options.count }, (_, i) => makeUscc(`91500000MB${String(i).padStart(7, '0')}`));
    let co2 = 0;
    let valueAdded = 0;
    for (let start = 0; start < usccs.length; start += 5000) {
      const docs = usccs.slice(start, start + 5000).map((uscc, j) => {
        const i = start + j;
        const member = { revision: 1, regionCode: '500103', co2Tonnes: 50 + (i % 400), valueAdded: 1000 + ((i * 37) % 900) };
        co2 += member.co2Tonnes;
        valueAdded += member.valueAdded;
        return { _id: `${division}:${period}:${uscc}`, industryDivision: division, period, uscc, ...member, carbonIntensity: member.co2Tonnes / member.valueAdded, benchmarkVersion: 1 };
      });
      await db.collection('members').insertMany(docs as never[], { ordered: false });
    }
    await db.collection('cohorts').insertOne({ _id: `${division}:${period}`, members: usccs } as never);
    await db.collection('benchmarks').insertOne({
      _id: `${division}:${period}`,
      industryDivision: division,
      period,
      version: 1,
      enterpriseCount: usccs.length,
      totalCo2Tonnes: co2,
      totalValueAdded: valueAdded,
      carbonIntensity: co2 / valueAdded,
      updatedAt: new Date().toISOString(),
    } as never);
  } finally {
    await mongo.close();
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const started = Date.now();
  const response = await request('POST', `${options.ratingUrl}/v1/rerating/${division}/${period}`, undefined, options.adminHeaders);
  if (response.status !== 202) throw new Error(`re-rating not started: ${response.status} ${JSON.stringify(response.body)}`);
  await waitFor(
    're-rating done',
    async () => {
      const progress = await request('GET', `${options.ratingUrl}/v1/rerating/${division}/${period}`, undefined, options.adminHeaders);
      return progress.status === 200 && progress.body.jobId === response.body.jobId && progress.body.state === 'done';
    },
    { timeoutMs: 600000, intervalMs: 250 },
  );
  const seconds = (Date.now() - started) / 1000;
  return { enterprises: options.count, seconds, perSecond: Math.round(options.count / seconds), seedSeconds };
}
