import type { Logger } from 'pino';

export type CheckStatus = 'up' | 'down';

export interface Readiness {
  ready: boolean;
  /** Per dependency only up or down: why one is down goes to the log, never to an unauthenticated caller. */
  checks: Record<string, CheckStatus>;
}

/** How long one run's result answers every probe; probes in that time cost nothing. */
const RESULT_TTL_MS = 1000;

/**
 * The dependencies a service needs to be ready; each answers or throws. The probe is public and unthrottled (an
 * orchestrator polls it), so however often it is called the dependencies are checked at most once per second, by
 * one run at a time that every concurrent caller shares.
 */
export class ReadinessChecks {
  private readonly checks = new Map<string, () => Promise<void>>();
  private last?: { result: Readiness; at: number };
  private running?: Promise<Readiness>;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs = 2000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  register(name: string, check: () => Promise<void>): void {
    this.checks.set(name, check);
  }

  run(): Promise<Readiness> {
    if (this.last && this.clock() - this.last.at < RESULT_TTL_MS) return Promise.resolve(this.last.result);
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<Readiness> {
    const checks: Record<string, CheckStatus> = {};
    const failures: Record<string, string> = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          await withTimeout(check(), this.timeoutMs);
          checks[name] = 'up';
        } catch (error) {
          checks[name] = 'down';
          failures[name] = error instanceof Error ? error.message : String(error);
        }
      }),
    );
    if (Object.keys(failures).length > 0) this.logger.warn({ failures }, 'not ready');
    const result = { ready: Object.values(checks).every((status) => status === 'up'), checks };
    this.last = { result, at: this.clock() };
    return result;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
