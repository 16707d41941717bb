import { Injectable } from '@nestjs/common';
import { ImportsRepository } from '../imports.repository';
import { ImportChunkProcessor } from './import-chunk.processor';

/**
 * Runs an import a chunk at a time. The cursor and the counts are kept in the import's document with each chunk, so a
 * job retried after a worker died goes on from the first chunk not done; the chunk under way when it died is redone,
 * which writes nothing twice.
 */
@Injectable()
export class RunImportUseCase {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly chunks: ImportChunkProcessor,
  ) {}

  async execute(importId: string): Promise<void> {
    const record = await this.imports.find(importId);
    if (!record || record.status === 'done' || record.status === 'failed') return;
    await this.imports.started(importId, new Date());
    let { done, ok, failed } = record;
    // The next chunk's rows are read while this one is processed.
    const read = (n: number) => (n < record.chunks ? this.imports.chunkRows(importId, n) : Promise.resolve([]));
    let next = read(record.cursor);
    for (let n = record.cursor; n < record.chunks; n++) {
      const rows = await next;
      next = read(n + 1);
      next.catch(() => undefined);
      const outcome = await this.chunks.process(record, rows);
      done += rows.length;
      ok += outcome.ok;
      failed += outcome.failed;
      await this.imports.chunkDone(importId, n, outcome.errors, { cursor: n + 1, done, ok, failed });
    }
    await this.imports.finished(importId, 'done');
  }

  /** The job gave up (its last attempt failed): the import says so, with the reason. */
  async failed(importId: string, reason: string): Promise<void> {
    await this.imports.finished(importId, 'failed', reason.slice(0, 500));
  }
}
