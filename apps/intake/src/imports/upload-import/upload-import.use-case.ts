import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { importHeaderIssues } from '@gec/domain';
import { Caller, deterministicId, DomainError } from '@gec/platform';
import { ImportOwner, ImportRecord } from '../import';
import { ImportFileType, readImportFile } from '../import-file.reader';
import { ImportsQueue } from '../imports.queue';
import { ImportsRepository } from '../imports.repository';

/** Rows per chunk: the job reads, validates, writes and publishes one chunk at a time. */
export const IMPORT_CHUNK_ROWS = 500;

export interface UploadImportResult {
  importId: string;
  status: ImportRecord['status'];
  /** False when the same caller had uploaded this very file before: the answer is that import, and nothing changed. */
  created: boolean;
}

/** Who an import belongs to: the enterprise (whichever of its users uploads), or the administrator. */
export function importOwner(caller: Caller): ImportOwner {
  return caller.role === 'enterprise' ? { role: caller.role, subject: caller.subject, uscc: caller.uscc } : { role: caller.role, subject: caller.subject };
}

function ownerKey(owner: ImportOwner): string {
  return owner.role === 'enterprise' ? `enterprise:${owner.uscc}` : `${owner.role}:${owner.subject}`;
}

/** True when the caller is the import's owner (see `importOwner`). */
export function ownsImport(caller: Caller, record: ImportRecord): boolean {
  return ownerKey(importOwner(caller)) === ownerKey(record.owner);
}

@Injectable()
export class UploadImportUseCase {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly queue: ImportsQueue,
  ) {}

  /**
   * Idempotent by content: the import's id is derived from the caller and the file's SHA-256, so the same file from
   * the same caller is the same import (its rows are never stored or processed twice).
   */
  async execute(caller: Caller, filename: string, type: ImportFileType, content: Buffer): Promise<UploadImportResult> {
    const owner = importOwner(caller);
    const fileHash = createHash('sha256').update(content).digest('hex');
    const importId = deterministicId('import', ownerKey(owner), fileHash);
    const existing = await this.imports.find(importId);
    if (existing) return this.resume(existing);

    const file = await readImportFile(type, content);
    const headerIssues = importHeaderIssues(file.header);
    if (headerIssues.length > 0) throw DomainError.validation(headerIssues, 'The header row of the file is not usable; see the template.');
    if (file.rows.length === 0) throw DomainError.validation([{ field: '(body)', reason: 'the file has a header but no data rows' }]);
    const chunks = [];
    for (let i = 0; i < file.rows.length; i += IMPORT_CHUNK_ROWS) chunks.push(file.rows.slice(i, i + IMPORT_CHUNK_ROWS));
    const record: ImportRecord = {
      importId,
      owner,
      filename,
      contentType: type,
      fileHash,
      status: 'queued',
      total: file.rows.length,
      done: 0,
      ok: 0,
      failed: 0,
      chunks: chunks.length,
      cursor: 0,
      header: file.header,
      createdAt: new Date().toISOString(),
    };
    if (!(await this.imports.create(record, chunks))) return this.resume((await this.imports.find(importId))!);
    await this.queue.enqueue(importId);
    return { importId, status: 'queued', created: true };
  }

  /** The same file again: its import as it stands; a job lost before it was enqueued (a crash) is enqueued now. */
  private async resume(existing: ImportRecord): Promise<UploadImportResult> {
    if (existing.status === 'queued' || existing.status === 'running') await this.queue.enqueue(existing.importId);
    return { importId: existing.importId, status: existing.status, created: false };
  }
}
