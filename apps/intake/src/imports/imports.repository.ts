import { Injectable } from '@nestjs/common';
import { Model, Schema } from 'mongoose';
import { findByIds, isDuplicateKey, MongoConnection, onlyDuplicateKeys } from '@gec/platform';
import { ImportFileRow } from './import-file.reader';
import { ImportRecord, ImportRowError } from './import';

type ImportDocument = Omit<ImportRecord, 'importId' | 'createdAt' | 'startedAt' | 'finishedAt'> & { _id: string; createdAt: Date; startedAt?: Date; finishedAt?: Date };

/** A chunk of an import's rows as uploaded, and once processed, the errors of its failed rows; `_id` is `<import id>:<n>`. */
interface ImportChunkDocument {
  _id: string;
  rows: ImportFileRow[];
  rowErrors?: ImportRowError[];
}

const importSchema = new Schema<ImportDocument>(
  {
    _id: String,
    owner: { type: Schema.Types.Mixed, required: true },
    filename: String,
    contentType: String,
    fileHash: String,
    status: String,
    total: Number,
    done: Number,
    ok: Number,
    failed: Number,
    chunks: Number,
    cursor: Number,
    header: [String],
    createdAt: Date,
    startedAt: Date,
    finishedAt: Date,
    failure: String,
  },
  { versionKey: false },
);

const chunkSchema = new Schema<ImportChunkDocument>({ _id: String, rows: Schema.Types.Mixed, rowErrors: Schema.Types.Mixed }, { versionKey: false });

export interface ChunkProgress {
  cursor: number;
  done: number;
  ok: number;
  failed: number;
}

@Injectable()
export class ImportsRepository {
  private readonly imports: Model<ImportDocument>;
  private readonly chunks: Model<ImportChunkDocument>;

  constructor(mongo: MongoConnection) {
    this.imports = mongo.model('Import', importSchema, 'imports');
    this.chunks = mongo.model('ImportChunk', chunkSchema, 'import_chunks');
  }

  /**
   * Stores the rows (chunks first, one insert) and then the import itself, which makes it exist; false when the
   * import was there already (the same file from the same caller), which leaves everything as it was.
   */
  async create(record: ImportRecord, chunks: ImportFileRow[][]): Promise<boolean> {
    if (await this.imports.exists({ _id: record.importId })) return false;
    try {
      await this.chunks.insertMany(chunks.map((rows, n) => ({ _id: chunkId(record.importId, n), rows })), { ordered: false });
    } catch (error) {
      // Chunks left by an upload that died before its import was written: the same file gives the same chunks.
      if (!onlyDuplicateKeys(error)) throw error;
    }
    const { importId, createdAt, ...rest } = record;
    try {
      await this.imports.collection.insertOne({ _id: importId, ...rest, createdAt: new Date(createdAt) } as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async find(importId: string): Promise<ImportRecord | null> {
    const doc = await this.imports.findById(importId).lean();
    if (!doc) return null;
    const { _id, createdAt, startedAt, finishedAt, ...rest } = doc;
    return { importId: _id, ...rest, createdAt: createdAt.toISOString(), ...(startedAt ? { startedAt: startedAt.toISOString() } : {}), ...(finishedAt ? { finishedAt: finishedAt.toISOString() } : {}) };
  }

  async chunkRows(importId: string, n: number): Promise<ImportFileRow[]> {
    const doc = await this.chunks.findById(chunkId(importId, n), { rows: 1 }).lean();
    if (!doc) throw new Error(`chunk ${n} of import ${importId} is missing`);
    return doc.rows;
  }

  async started(importId: string, at: Date): Promise<void> {
    await this.imports.updateOne({ _id: importId, startedAt: { $exists: false } }, { $set: { startedAt: at } });
    await this.imports.updateOne({ _id: importId, status: 'queued' }, { $set: { status: 'running' } });
  }

  /** A chunk's row errors, then the progress that counts them (so a crash in between redoes the chunk, never skips it). */
  async chunkDone(importId: string, n: number, errors: ImportRowError[], progress: ChunkProgress): Promise<void> {
    await this.chunks.updateOne({ _id: chunkId(importId, n) }, { $set: { rowErrors: errors } });
    await this.imports.updateOne({ _id: importId, cursor: { $lte: n } }, { $set: { ...progress } });
  }

  async finished(importId: string, status: 'done' | 'failed', failure?: string): Promise<void> {
    await this.imports.updateOne({ _id: importId }, { $set: { status, finishedAt: new Date(), ...(failure ? { failure } : {}) } });
  }

  /** Every failed row's errors, in row order. */
  async errors(record: ImportRecord): Promise<ImportRowError[]> {
    const ids = Array.from({ length: record.chunks }, (_, n) => chunkId(record.importId, n));
    const docs = await findByIds<Pick<ImportChunkDocument, '_id' | 'rowErrors'>>(this.chunks as never, ids, { rowErrors: 1 });
    return docs.flatMap((d) => d.rowErrors ?? []).sort((a, b) => a.row - b.row);
  }
}

function chunkId(importId: string, n: number): string {
  return `${importId}:${n}`;
}
