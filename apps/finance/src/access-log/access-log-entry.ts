import { DataAccessed } from '@gec/contracts';

/** One read of an enterprise's data by a bank, regulator or administrator, as any service recorded it. */
export type AccessLogEntry = Omit<DataAccessed, 'uscc'>;

/** The `YYYY-MM` month (UTC) of an instant. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** Where a page of an access log ends: the last entry's time and id (entries are ordered by both, newest first). */
export interface AccessLogCursor {
  accessedAt: Date;
  accessId: string;
}

export function encodeCursor(cursor: AccessLogCursor): string {
  return Buffer.from(`${cursor.accessedAt.toISOString()}|${cursor.accessId}`).toString('base64url');
}

/** The cursor in `text`, or null when it is not one this service wrote. */
export function decodeCursor(text: string): AccessLogCursor | null {
  const [at, accessId, ...rest] = Buffer.from(text, 'base64url').toString().split('|');
  const accessedAt = new Date(at ?? '');
  if (rest.length > 0 || !accessId || Number.isNaN(accessedAt.getTime())) return null;
  return { accessedAt, accessId };
}
