/** The database refused a write because the unique key (usually `_id`) is taken: someone else wrote first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === 11000;
}
