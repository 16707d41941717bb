/**
 * Figures a provider may not give: those its allowed list does not name. An allowed entry is a figure key
 * (`energy.electricity`) or a group of them (`energy`, `water`: every key under it).
 */
export function figuresOutsideScope(keys: Iterable<string>, allowed: readonly string[]): string[] {
  return [...keys].filter((key) => !allowed.some((a) => key === a || key.startsWith(`${a}.`)));
}
