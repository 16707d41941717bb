import { Model } from 'mongoose';
import { onlyDuplicateKeys } from './is-duplicate-key';

type Operations = Parameters<Model<never>['bulkWrite']>[0];

/** A mongoose model, or its driver collection where a hot path writes documents its types already shape (no casting). */
type BulkWriter = { bulkWrite(operations: never, options: { ordered: boolean }): Promise<{ insertedCount: number; matchedCount: number; upsertedCount: number }> };

/**
 * An upsert of `_id` guarded by the value of a counter field as it was read (absent: no document was there). Equality,
 * not "older than": the database stand-in answers a filter on `_id` and a range by scanning the collection, but uses a
 * unique `{_id, <field>}` index for two equalities. Declare that index on the schema; apply with `writeAllOrConflict`.
 */
export function guardedUpsert(id: string, field: string, read: number | undefined, update: Record<string, unknown>) {
  return { updateOne: { filter: { _id: id, [field]: read ?? null }, update, upsert: true } };
}

/**
 * Version-guarded writes (inserts of new documents, updates filtered on the version read) in one unordered bulk write.
 * True when every one applied; false when another writer came first somewhere, and the caller reads and decides again.
 */
export async function writeAllOrConflict(model: Model<never> | BulkWriter, operations: Operations): Promise<boolean> {
  if (operations.length === 0) return true;
  try {
    const result = await (model as BulkWriter).bulkWrite(operations as never, { ordered: false });
    // Matched, not modified: an update whose guard held but whose values were already there applied all the same.
    return result.insertedCount + result.matchedCount + result.upsertedCount === operations.length;
  } catch (error) {
    if (onlyDuplicateKeys(error)) return false;
    throw error;
  }
}
