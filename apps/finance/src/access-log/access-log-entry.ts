import { DataAccessed } from '@gec/contracts';

/** One read of an enterprise's data by a bank, regulator or administrator, as any service recorded it. */
export type AccessLogEntry = Omit<DataAccessed, 'uscc'>;

/** The `YYYY-MM` month (UTC) of an instant. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}
