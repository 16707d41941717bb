import { Role } from '@gec/platform';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** Who uploaded a file: the import belongs to this caller, who alone (with administrators) may read it. */
export interface ImportOwner {
  subject: string;
  role: Role;
  uscc?: string;
}

/** One failed row's problem, named by its row number in the file (header = row 1) and its column. */
export interface ImportRowError {
  row: number;
  field: string;
  reason: string;
}

export interface ImportRecord {
  importId: string;
  owner: ImportOwner;
  filename: string;
  contentType: string;
  /** SHA-256 of the file, hex. */
  fileHash: string;
  status: ImportStatus;
  /** Data rows in the file (the header not counted). */
  total: number;
  done: number;
  ok: number;
  failed: number;
  /** How many chunks of rows there are, and how many are done (the job's cursor: a retried job goes on from there). */
  chunks: number;
  cursor: number;
  header: string[];
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  failure?: string;
}
