// Enterprises the bench registers and reports for, through intake's public API as enterprises would.
import { makeUscc } from '@gec/domain';
import type { LocalAuthority } from '@gec/testing';
import { mapConcurrent } from './bench-helpers';

/** Industry divisions the enterprises are spread over, so no single industry benchmark takes every report. */
export const DIVISIONS = ['C26', 'C30', 'C31', 'C33', 'C25', 'C22', 'C17', 'C39'];
export const PERIOD = '2026-10';
const REQUEST_TIMEOUT_MS = 60000;

export interface BenchEnterprise {
  uscc: string;
  division: string;
  index: number;
}

/** Fresh codes for the run (its databases are its own, so codes only need to be unique within it), and their tokens. */
export class EnterpriseFactory {
  private next = 0;
  private readonly tokens = new Map<string, Record<string, string>>();

  constructor(private readonly authority: LocalAuthority) {}

  fresh(count: number): BenchEnterprise[] {
    return Array.from({ length: count }, () => {
      const index = this.next++;
      return { uscc: makeUscc(`91500000MA5${String(index).padStart(6, '0')}`), division: DIVISIONS[index % DIVISIONS.length], index };
    });
  }

  async headers(uscc: string): Promise<Record<string, string>> {
    let headers = this.tokens.get(uscc);
    if (!headers) {
      headers = await this.authority.headers({ role: 'enterprise', uscc }, { expiresInSeconds: 4 * 3600 });
      this.tokens.set(uscc, headers);
    }
    return headers;
  }
}

/** A report that yields a rating and so a first eligibility decision (figures vary so the industry has a spread). */
export function reportBody(e: BenchEnterprise) {
  const valueAdded = 1000 + ((e.index * 37) % 900);
  return {
    period: PERIOD,
    valueAdded,
    outputValue: valueAdded * 4,
    energy: [
      { carrier: 'electricity', quantity: 900_000, unit: 'kWh' },
      { carrier: 'raw_coal', quantity: 50 + ((e.index * 53) % 400), unit: 't' },
    ],
  };
}

export interface PostOutcome {
  /** HTTP status; 0 when no answer came (see `failure`). */
  status: number;
  /** When the answer (or the failure) arrived. */
  at: number;
  /** 'timeout' after 60 s without an answer, else the error's code. */
  failure?: string;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<PostOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return { status: response.status, at: Date.now() };
  } catch (error) {
    const failure = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : String((error as { cause?: { code?: string } }).cause?.code ?? error);
    return { status: 0, at: Date.now(), failure };
  }
}

/** Registers the enterprises with `concurrency` requests in flight; returns those intake registered (201). */
export async function registerEnterprises(intakeUrl: string, factory: EnterpriseFactory, enterprises: BenchEnterprise[], concurrency = 32): Promise<BenchEnterprise[]> {
  const statuses = await mapConcurrent(enterprises, concurrency, async (e) => {
    const body = { uscc: e.uscc, name: `Bench ${e.uscc}`, industryCode: e.division };
    return (await postJson(`${intakeUrl}/v1/enterprises`, body, await factory.headers(e.uscc))).status;
  });
  return enterprises.filter((_, i) => statuses[i] === 201);
}

export async function postReport(intakeUrl: string, factory: EnterpriseFactory, e: BenchEnterprise): Promise<PostOutcome> {
  return postJson(`${intakeUrl}/v1/enterprises/${e.uscc}/reports`, reportBody(e), await factory.headers(e.uscc));
}
