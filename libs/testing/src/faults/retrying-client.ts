import { LocalAuthority } from '../local-authority';
import { OracleEnterprise, OracleInputs, OracleProduct, OracleReport, ReportBody } from '../oracle/expected-state';

export interface RetryStats {
  /** Requests that got their answer (the last attempt of each). */
  requests: number;
  /** Attempts repeated, by what made the client repeat them: `network` (refused, reset), `timeout`, or the status. */
  retries: Record<string, number>;
  /** The most attempts one request needed. */
  maxAttempts: number;
  /** The longest a request took from its first attempt to its answer, ms. */
  slowestMs: number;
}

export interface RetryingClientOptions {
  /** Where intake answers now (a restarted intake keeps its port, so usually a constant). */
  intakeUrl: () => string;
  authority: LocalAuthority;
  /** One attempt's timeout; long enough that an attempt never completes on the server after the client gave up. */
  attemptTimeoutMs?: number;
  /** How long one request keeps being retried. */
  giveUpAfterMs?: number;
}

/**
 * An enterprise's client as a real one behaves: when intake is unreachable or answers 5xx (or 429), it sends the same
 * body again after a short backoff. It also remembers what it sent and what was acknowledged (the oracle's inputs):
 * enterprises, and per enterprise and period the last acknowledged revision and its body.
 */
export class RetryingClient {
  stats: RetryStats = emptyStats();
  private readonly enterprises = new Map<string, OracleEnterprise>();
  private readonly reports = new Map<string, OracleReport>();
  private readonly tokens = new Map<string, Promise<Record<string, string>>>();

  constructor(private readonly options: RetryingClientOptions) {}

  /** Registers an enterprise; a 409 after a retry means the lost first attempt got through. */
  async register(enterprise: OracleEnterprise & { name: string }): Promise<void> {
    const { status, body, attempts } = await this.post(enterprise.uscc, '/v1/enterprises', { uscc: enterprise.uscc, name: enterprise.name, industryCode: enterprise.industryCode });
    if (status !== 201 && !(status === 409 && attempts > 1)) throw new Error(`registering ${enterprise.uscc}: ${status} ${JSON.stringify(body)}`);
    this.enterprises.set(enterprise.uscc, { uscc: enterprise.uscc, industryCode: enterprise.industryCode });
  }

  /** Submits a report (a new revision of its period) and returns the revision intake acknowledged. */
  async submit(uscc: string, report: ReportBody): Promise<number> {
    // Any report may turn out to be a revision (a retried POST whose first attempt was stored), so each says why.
    const { status, body } = await this.post(uscc, `/v1/enterprises/${uscc}/reports`, withReason(report));
    if (status !== 202 || typeof body?.revision !== 'number') throw new Error(`report ${report.period} of ${uscc}: ${status} ${JSON.stringify(body)}`);
    const key = `${uscc}/${report.period}`;
    const previous = this.reports.get(key);
    if (!previous || body.revision > previous.revision) this.reports.set(key, { uscc, revision: body.revision, body: report });
    return body.revision;
  }

  /**
   * One attempt, timed, no retry: for measuring how intake answers. A 202 is remembered like any acknowledged
   * revision; a timeout leaves it unknown whether intake stored the report.
   */
  async submitOnce(uscc: string, report: ReportBody, timeoutMs: number): Promise<{ status: number | 'timeout' | 'network'; revision?: number; tookMs: number }> {
    const started = Date.now();
    try {
      const response = await fetch(`${this.options.intakeUrl()}/v1/enterprises/${uscc}/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await this.headers(uscc)) },
        body: JSON.stringify(withReason(report)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      const tookMs = Date.now() - started;
      const revision = response.status === 202 ? (JSON.parse(text) as { revision: number }).revision : undefined;
      if (revision !== undefined) {
        const key = `${uscc}/${report.period}`;
        if (revision > (this.reports.get(key)?.revision ?? 0)) this.reports.set(key, { uscc, revision, body: report });
      }
      return { status: response.status, revision, tookMs };
    } catch (error) {
      return { status: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network', tookMs: Date.now() - started };
    }
  }

  headers(uscc: string): Promise<Record<string, string>> {
    let headers = this.tokens.get(uscc);
    if (!headers) {
      headers = this.options.authority.headers({ role: 'enterprise', uscc }, { expiresInSeconds: 4 * 3600 });
      this.tokens.set(uscc, headers);
    }
    return headers;
  }

  /** What was sent so far, as the oracle takes it. */
  inputs(products: OracleProduct[]): OracleInputs {
    return { enterprises: [...this.enterprises.values()], reports: [...this.reports.values()], products };
  }

  sentReports(): OracleReport[] {
    return [...this.reports.values()];
  }

  /** The stats since the last call (or the start), starting afresh. */
  takeStats(): RetryStats {
    const stats = this.stats;
    this.stats = emptyStats();
    return stats;
  }

  static describe(stats: RetryStats): string {
    const retries = Object.entries(stats.retries);
    const total = retries.reduce((sum, [, n]) => sum + n, 0);
    const byCause = retries.map(([cause, n]) => `${cause} ${n}`).join(', ');
    return `${stats.requests} requests, ${total} retries${total ? ` (${byCause})` : ''}, at most ${stats.maxAttempts} attempts for one, slowest ${stats.slowestMs} ms`;
  }

  private async post(uscc: string, path: string, payload: unknown): Promise<{ status: number; body: any; attempts: number }> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const started = Date.now();
    const deadline = started + (this.options.giveUpAfterMs ?? 180000);
    const headers = { 'content-type': 'application/json', ...(await this.headers(uscc)) };
    for (let attempt = 1; ; attempt++) {
      let cause: string;
      try {
        const response = await fetch(`${this.options.intakeUrl()}${path}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(this.options.attemptTimeoutMs ?? 90000),
        });
        const text = await response.text();
        if (response.status < 500 && response.status !== 429) {
          this.stats.requests++;
          this.stats.maxAttempts = Math.max(this.stats.maxAttempts, attempt);
          this.stats.slowestMs = Math.max(this.stats.slowestMs, Date.now() - started);
          return { status: response.status, body: text ? JSON.parse(text) : undefined, attempts: attempt };
        }
        cause = String(response.status);
      } catch (error) {
        cause = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
      }
      this.stats.retries[cause] = (this.stats.retries[cause] ?? 0) + 1;
      if (Date.now() > deadline) throw new Error(`POST ${path} still failing (${cause}) after ${attempt} attempts over ${Date.now() - started} ms`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 200 * 2 ** Math.min(attempt - 1, 4))));
    }
  }
}

function emptyStats(): RetryStats {
  return { requests: 0, retries: {}, maxAttempts: 0, slowestMs: 0 };
}

function withReason(report: ReportBody): ReportBody & { reason: string } {
  return { reason: 'submitted again by the fault suite', ...report };
}
