import { Model } from 'mongoose';

const DUPLICATE_KEY = 11000;

/** How an incoming copy compares with the stored one, by its revision or version counter. */
export type Freshness = 'newer' | 'same' | 'older';

/**
 * Stores a read-model entry unless the stored one is at least as new, in one conditional upsert:
 * when the stored counter is not lower, the filter misses and the upsert's insert hits the unique `_id`.
 */
export async function keepNewest(
  model: Model<never>,
  id: string,
  counter: { field: string; value: number },
  fields: Record<string, unknown>,
): Promise<Freshness> {
  try {
    await model.collection.updateOne(
      { _id: id, [counter.field]: { $lt: counter.value } } as never,
      { $set: { ...fields, [counter.field]: counter.value } },
      { upsert: true },
    );
    return 'newer';
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    const stored = (await model.collection.findOne({ _id: id } as never, { projection: { [counter.field]: 1 } })) as Record<string, unknown> | null;
    return stored?.[counter.field] === counter.value ? 'same' : 'older';
  }
}
