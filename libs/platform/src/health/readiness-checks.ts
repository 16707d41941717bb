/** The dependencies a service needs to be ready; each answers or throws. */
export class ReadinessChecks {
  private readonly checks = new Map<string, () => Promise<void>>();

  register(name: string, check: () => Promise<void>): void {
    this.checks.set(name, check);
  }

  async run(timeoutMs = 2000): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const results: Record<string, string> = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          await withTimeout(check(), timeoutMs);
          results[name] = 'up';
        } catch (error) {
          results[name] = `down: ${(error as Error).message}`;
        }
      }),
    );
    return { ready: Object.values(results).every((r) => r === 'up'), checks: results };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
