import { Model } from 'mongoose';
import { onlyDuplicateKeys } from './is-duplicate-key';

type Operations = Parameters<Model<never>['bulkWrite']>[0];

/** A mongoose model, or its driver collection where a hot path writes documents its types already shape (no casting). */
type BulkWriter = { bulkWrite(operations: never, options: { ordered: boolean }): Promise<{ insertedCount: number; modifiedCount: number; upsertedCount: number }> };

/**
 * Conditional upserts in one unordered bulk write, each filtered to miss a document that is already as new or newer:
 * the upsert's insert then hits the taken `_id`, which is the intended "keep what is stored".
 */
export async function upsertUnlessNewer(model: Model<never>, operations: Operations): Promise<void> {
  if (operations.length === 0) return;
  try {
    await model.bulkWrite(operations, { ordered: false });
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
}

/**
 * Version-guarded writes (inserts of new documents, updates filtered on the version read) in one unordered bulk write.
 * True when every one applied; false when another writer came first somewhere, and the caller reads and decides again.
 */
export async function writeAllOrConflict(model: Model<never> | BulkWriter, operations: Operations): Promise<boolean> {
  if (operations.length === 0) return true;
  try {
    const result = await (model as BulkWriter).bulkWrite(operations as never, { ordered: false });
    return result.insertedCount + result.modifiedCount + result.upsertedCount === operations.length;
  } catch (error) {
    if (onlyDuplicateKeys(error)) return false;
    throw error;
  }
}
