/** The database refused a write because the unique key (usually `_id`) is taken: someone else wrote first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === 11000;
}

/** An unordered bulk write whose every failure is a taken key: everything else was written. */
export function onlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number }> | { code?: number } } | undefined)?.writeErrors;
  if (writeErrors === undefined) return isDuplicateKey(error);
  return (Array.isArray(writeErrors) ? writeErrors : [writeErrors]).every((e) => e.code === 11000);
}
