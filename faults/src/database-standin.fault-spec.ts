import { mongo } from 'mongoose';
import { InfraControl, testInfra } from '@gec/testing';

const infra = new InfraControl();
const ours = infra.controllable('mongo');
if (!ours) console.warn(`[faults] skipping the database stand-in's crash test: instance ${infra.instance.instance} does not run its own database`);
const describeOwn = ours ? describe : describe.skip;

const WRITERS = 8;
const ROUNDS = 3;

/**
 * The database itself, killed -9 while several connections write to several collections at once: every write it
 * acknowledged is there after the restart, and each collection's unique `_id` index agrees with its documents (a
 * document the index names is readable, an id the index does not name can be inserted). A commit of the store taken
 * while another request is half done (its index entry written, its document not yet) breaks the second.
 */
describeOwn('the database stand-in killed -9 under concurrent writes', () => {
  const url = testInfra().mongoUrl;
  const dbName = `standin_crash_${Date.now()}`;

  afterAll(async () => {
    if (!infra.controllable('mongo')) await infra.start('mongo');
    const client = await mongo.MongoClient.connect(url);
    await client.db(dbName).dropDatabase().catch(() => undefined);
    await client.close();
  }, 120000);

  it('keeps every acknowledged write, and indexes in step with documents', async () => {
    const acknowledged = new Map<string, Set<string>>();
    const attempted = new Map<string, Set<string>>();
    for (let round = 0; round < ROUNDS; round++) {
      const client = await mongo.MongoClient.connect(url, { maxPoolSize: WRITERS * 2, serverSelectionTimeoutMS: 2000 });
      const db = client.db(dbName);
      let stop = false;
      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        const name = `c${w}`;
        const acked = acknowledged.get(name) ?? new Set<string>();
        const tried = attempted.get(name) ?? new Set<string>();
        acknowledged.set(name, acked);
        attempted.set(name, tried);
        for (let batch = 0; !stop; batch++) {
          const ids = Array.from({ length: 20 }, (_, i) => `r${round}-b${batch}-${i}`);
          ids.forEach((id) => tried.add(id));
          try {
            await db.collection<{ _id: string; n: number }>(name).insertMany(ids.map((id, n) => ({ _id: id, n })), { ordered: false });
            ids.forEach((id) => acked.add(id));
          } catch {
            return; // the database went away
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1500 + round * 400));
      await infra.kill('mongo');
      stop = true;
      await Promise.all(writers);
      await client.close(true).catch(() => undefined);
      await infra.start('mongo');
    }

    const client = await mongo.MongoClient.connect(url);
    const db = client.db(dbName);
    const lost: string[] = [];
    const inconsistent: string[] = [];
    for (const [name, tried] of attempted) {
      const collection = db.collection<{ _id: string }>(name);
      const stored = new Set((await collection.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
      for (const id of acknowledged.get(name) ?? []) if (!stored.has(id)) lost.push(`${name}/${id}`);
      const ids = [...stored];
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        const found = new Set((await collection.find({ _id: { $in: chunk } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
        for (const id of chunk) if (!found.has(id)) inconsistent.push(`${name}/${id}: in the collection, not found by _id`);
      }
      for (const id of tried) {
        if (stored.has(id)) continue;
        try {
          await collection.insertOne({ _id: id });
        } catch (error) {
          if (error instanceof mongo.MongoServerError && error.code === 11000) inconsistent.push(`${name}/${id}: absent, but its _id is taken`);
          else throw error;
        }
      }
    }
    await client.close();
    expect(lost).toEqual([]);
    expect(inconsistent).toEqual([]);
  });
});
