import { DomainError } from '../errors/domain-error';

/**
 * The API keys revoked lately, as this process knows them: a set checked on every request that carries an API-key
 * token (one lookup, no I/O), kept current by ApiKeyRevocations. If the set has not been confirmed against Redis for
 * `staleMs`, a revocation could be missing from it, so API-key tokens are answered 503 until it is again.
 */
export class RevokedApiKeys {
  private ids = new Set<string>();
  private confirmedAt = Number.NEGATIVE_INFINITY;
  /** Ids learnt since the confirmation under way was asked for, which its answer may predate. */
  private learntMeanwhile?: Set<string>;

  constructor(
    readonly staleMs: number,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Refuses a token of a revoked key (401), or any API-key token while revocations cannot be known (503). */
  check(keyId: string): void {
    if (this.ids.has(keyId)) throw DomainError.unauthenticated('The API key of this token has been revoked.');
    if (!this.current()) {
      throw new DomainError('unavailable', 'Revoked API keys cannot be checked right now; try again shortly.', [], { 'retry-after': '1' });
    }
  }

  /** Whether every revocation made more than `staleMs` ago is known here. */
  current(): boolean {
    return this.clock() - this.confirmedAt < this.staleMs;
  }

  /** A revocation heard of (a notice, or this process revoked it). */
  add(keyId: string): void {
    this.ids.add(keyId);
    this.learntMeanwhile?.add(keyId);
  }

  /** Starts a confirmation: the full list is being read; returns when it was asked for. */
  confirming(): number {
    this.learntMeanwhile = new Set();
    return this.clock();
  }

  /** The full list as read from Redis after `askedAt`: it replaces the set (so pruned ids go), plus what came meanwhile. */
  confirmed(ids: Iterable<string>, askedAt: number): void {
    const next = new Set(ids);
    for (const id of this.learntMeanwhile ?? []) next.add(id);
    this.learntMeanwhile = undefined;
    this.ids = next;
    this.confirmedAt = Math.max(this.confirmedAt, askedAt);
  }
}
