/** Outcome of a validating function: the value, or a human-readable reason it was rejected. */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (reason: string): Result<never> => ({ ok: false, reason });
