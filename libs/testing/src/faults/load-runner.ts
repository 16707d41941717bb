import { waitFor } from '../wait-for';
import { LoadPlan } from './load-plan';
import { RetryingClient } from './retrying-client';

export interface LoadRun {
  startedAt: number;
  /** Submissions answered so far. */
  completed(): number;
  total: number;
  /** Resolves when every submission was answered; rejects on the first that could not be made. */
  done: Promise<{ tookMs: number }>;
  /** Resolves once the given share of submissions was answered. */
  reached(share: number, timeoutMs?: number): Promise<void>;
}

/**
 * Sends a plan's submissions at their planned times. One enterprise's submissions go one after the other (a revision
 * only after the previous one was acknowledged, as a client would), so a submission held up by retries delays that
 * enterprise's later ones, never anyone else's.
 */
export function startLoad(plan: LoadPlan, client: RetryingClient): LoadRun {
  const startedAt = Date.now();
  let completed = 0;
  const chains = new Map<string, Promise<void>>();
  for (const submission of plan.submissions) {
    const uscc = submission.kind === 'register' ? submission.enterprise.uscc : submission.uscc;
    const previous = chains.get(uscc) ?? Promise.resolve();
    chains.set(
      uscc,
      previous.then(async () => {
        const wait = startedAt + submission.atMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (submission.kind === 'register') await client.register(submission.enterprise);
        else await client.submit(submission.uscc, submission.body);
        completed++;
      }),
    );
  }
  const done = Promise.all(chains.values()).then(() => ({ tookMs: Date.now() - startedAt }));
  // Reported through `done`; keep a rejection from being unhandled while the test is busy elsewhere.
  done.catch(() => undefined);
  return {
    startedAt,
    total: plan.submissions.length,
    completed: () => completed,
    done,
    reached: async (share, timeoutMs = 120000) => {
      const target = Math.ceil(share * plan.submissions.length);
      await Promise.race([
        waitFor(`${target} of ${plan.submissions.length} submissions`, () => completed >= target, { timeoutMs, intervalMs: 50 }),
        done.then(() => undefined),
      ]);
    },
  };
}
