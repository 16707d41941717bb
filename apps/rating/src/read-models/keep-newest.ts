import { isDuplicateKey } from '@gec/platform';
import { Model } from 'mongoose';


/** How an incoming copy compares with the stored one, by its revision or version counter (or its change time). */
export type Freshness = 'newer' | 'same' | 'older';

/** What orders the copies of one entry: a revision or version number, or a timestamp (stored as a BSON date). */
export interface Counter {
  field: string;
  value: number | Date;
}

/**
 * Stores a read-model entry unless the stored one is at least as new, in one conditional upsert:
 * when the stored counter is not lower, the filter misses and the upsert's insert hits the unique `_id`.
 */
export async function keepNewest(model: Model<never>, id: string, counter: Counter, fields: Record<string, unknown>): Promise<Freshness> {
  try {
    await model.collection.updateOne(
      { _id: id, [counter.field]: { $lt: counter.value } } as never,
      { $set: { ...fields, [counter.field]: counter.value } },
      { upsert: true },
    );
    return 'newer';
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const stored = (await model.collection.findOne({ _id: id } as never, { projection: { [counter.field]: 1 } })) as Record<string, unknown> | null;
    return sameCounter(stored?.[counter.field], counter.value) ? 'same' : 'older';
  }
}

function sameCounter(stored: unknown, value: number | Date): boolean {
  return value instanceof Date ? stored instanceof Date && stored.getTime() === value.getTime() : stored === value;
}
