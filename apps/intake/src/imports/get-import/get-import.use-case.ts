import { Injectable } from '@nestjs/common';
import { Caller, DomainError } from '@gec/platform';
import { ImportRecord, ImportRowError } from '../import';
import { ImportsRepository } from '../imports.repository';
import { ownsImport } from '../upload-import/upload-import.use-case';

export interface ImportProgress {
  importId: string;
  filename: string;
  status: ImportRecord['status'];
  rows: { total: number; done: number; ok: number; failed: number };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Rows per second since the job started (until it finished). */
  rowsPerSecond: number | null;
  failure?: string;
  errorsUrl: string;
}

/** An import's progress and its row errors, for its owner or an administrator; anyone else is told it does not exist. */
@Injectable()
export class GetImportUseCase {
  constructor(private readonly imports: ImportsRepository) {}

  async progress(caller: Caller, importId: string): Promise<ImportProgress> {
    const r = await this.visible(caller, importId);
    const started = r.startedAt ? Date.parse(r.startedAt) : null;
    const seconds = started === null ? null : Math.max(0.001, ((r.finishedAt ? Date.parse(r.finishedAt) : Date.now()) - started) / 1000);
    return {
      importId: r.importId,
      filename: r.filename,
      status: r.status,
      rows: { total: r.total, done: r.done, ok: r.ok, failed: r.failed },
      createdAt: r.createdAt,
      startedAt: r.startedAt ?? null,
      finishedAt: r.finishedAt ?? null,
      rowsPerSecond: seconds === null ? null : Math.round(r.done / seconds),
      ...(r.failure ? { failure: r.failure } : {}),
      errorsUrl: `/v1/imports/${r.importId}/errors.csv`,
    };
  }

  /** Every failed row's errors so far (all of them once the import is done). */
  async errors(caller: Caller, importId: string): Promise<ImportRowError[]> {
    return this.imports.errors(await this.visible(caller, importId));
  }

  private async visible(caller: Caller, importId: string): Promise<ImportRecord> {
    const record = await this.imports.find(importId);
    if (!record || (caller.role !== 'admin' && !ownsImport(caller, record))) throw DomainError.notFound(`No import ${importId}.`);
    return record;
  }
}
