import { ServiceName } from '../platform-processes';
import { InfraComponent, InfraControl } from '../infra-control';
import { describeFaultVerdict, FaultPlatform, FaultVerdict, SettleResult } from './fault-platform';
import { loadOptionsFromEnv, LoadOptions, planLoad } from './load-plan';
import { LoadRun, startLoad } from './load-runner';
import { RetryingClient } from './retrying-client';

export interface ScenarioOptions {
  name: string;
  load: Partial<LoadOptions> & Pick<LoadOptions, 'periods' | 'tag'>;
  /** Runs while the load does; returns lines describing what it did (kills, timings). */
  fault?: (load: LoadRun) => Promise<string[]>;
  settleTimeoutMs?: number;
}

export interface ScenarioResult extends FaultVerdict {
  settle: SettleResult;
  summary: string;
}

/** How long a killed component stays down before it is started again (FAULTS_DOWN_MS). */
export const DOWN_MS = Number(process.env.FAULTS_DOWN_MS ?? 2000);

/**
 * A load of registrations, reports and revisions POSTed steadily while `fault` does its damage; then waits for the
 * platform to settle and asks the oracle. Prints a summary either way.
 */
export async function runFaultScenario(platform: FaultPlatform, options: ScenarioOptions): Promise<ScenarioResult> {
  const plan = planLoad(loadOptionsFromEnv(options.load));
  platform.client.takeStats();
  const load = startLoad(plan, platform.client);
  let faultLines: string[] = [];
  try {
    faultLines = options.fault ? await options.fault(load) : [];
  } catch (error) {
    // Leave nothing of this scenario running into the next one.
    await load.done.catch(() => undefined);
    throw error;
  }
  const { tookMs } = await load.done;
  const stats = platform.client.takeStats();
  const settle = await platform.settle({ timeoutMs: options.settleTimeoutMs ?? Number(process.env.FAULTS_SETTLE_SECONDS ?? 180) * 1000 });
  // Everything sent to this platform so far is checked; this scenario's enterprises through an administrator.
  const own = new Set(plan.enterprises.map((e) => e.uscc));
  const verifyStarted = Date.now();
  const verdict = await platform.verify({ asAdmin: (uscc) => own.has(uscc) });
  const verifyMs = Date.now() - verifyStarted;
  const summary = describeFaultVerdict(options.name, verdict, [
    `load: ${plan.enterprises.length} enterprises, ${plan.submissions.length} submissions (periods ${plan.options.periods.join(', ')}) in ${(tookMs / 1000).toFixed(1)} s`,
    `client: ${RetryingClient.describe(stats)}`,
    ...faultLines,
    `settled: ${settle.settled ? `yes, ${(settle.tookMs / 1000).toFixed(1)} s after the load` : `NO within ${(settle.tookMs / 1000).toFixed(1)} s: ${settle.lastState}`}; final check took ${(verifyMs / 1000).toFixed(1)} s (${Object.entries(verdict.timings).map(([part, ms]) => `${part} ${(ms / 1000).toFixed(1)} s`).join(', ')})`,
  ]);
  console.log(summary);
  return { ...verdict, settle, summary };
}

/** kill -9 one replica (or all) of a service, leave it down for `downMs`, start it again; one line on what happened. */
export async function crashService(platform: FaultPlatform, service: ServiceName, options: { replica?: number; downMs?: number; load?: LoadRun } = {}): Promise<string> {
  const downMs = options.downMs ?? DOWN_MS;
  const which = options.replica === undefined ? `${service} (all replicas)` : `${service} replica ${options.replica + 1}`;
  const killedAt = Date.now();
  const when = at(killedAt, options.load);
  await platform.processes.kill(service, { signal: 'SIGKILL', replica: options.replica });
  await sleep(downMs);
  const restartedAt = Date.now();
  await platform.processes.restart(service, { replica: options.replica });
  return `${which}: kill -9${when}, restarted after ${((restartedAt - killedAt) / 1000).toFixed(1)} s, ready ${((Date.now() - restartedAt) / 1000).toFixed(1)} s later`;
}

/**
 * kill -9 several services one after another, `spacingMs` apart, each started again `downMs` after its kill without
 * waiting for earlier ones to be ready (a restarted consumer may take long to rejoin its group): all the kills land
 * while the load runs. Resolves once every killed process is ready again; one line per kill.
 */
export async function crashServicesInTurn(
  platform: FaultPlatform,
  steps: Array<{ service: ServiceName; replica?: number }>,
  options: { spacingMs?: number; downMs?: number; load?: LoadRun } = {},
): Promise<string[]> {
  const downMs = options.downMs ?? DOWN_MS;
  const restarts: Array<Promise<string>> = [];
  for (const [i, { service, replica }] of steps.entries()) {
    if (i > 0) await sleep(options.spacingMs ?? 4000);
    const which = replica === undefined ? service : `${service} replica ${replica + 1}`;
    const killedAt = Date.now();
    const when = at(killedAt, options.load);
    await platform.processes.kill(service, { signal: 'SIGKILL', replica });
    restarts.push(
      sleep(downMs).then(async () => {
        const restartedAt = Date.now();
        await platform.processes.restart(service, { replica });
        return `${which}: kill -9${when}, restarted ${((restartedAt - killedAt) / 1000).toFixed(1)} s later, ready ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after that`;
      }),
    );
  }
  return Promise.all(restarts);
}

/**
 * kill -9 the instance's Kafka broker, database or Redis, leave it down for `downMs` (running `whileDown` meanwhile),
 * start it again through infra.sh.
 */
export async function crashInfrastructure(
  infra: InfraControl,
  component: InfraComponent,
  options: { downMs?: number; load?: LoadRun; whileDown?: () => Promise<unknown> } = {},
): Promise<string> {
  const downMs = options.downMs ?? DOWN_MS;
  const killedAt = Date.now();
  const when = at(killedAt, options.load);
  const { pid } = await infra.kill(component, 'SIGKILL');
  // Down for downMs, or for as long as whileDown takes if longer.
  await Promise.all([sleep(downMs), options.whileDown?.()]);
  const restartedAt = Date.now();
  const started = await infra.start(component);
  return `${component}: kill -9 (pid ${pid})${when}, started again after ${((restartedAt - killedAt) / 1000).toFixed(1)} s, ready in ${(started.tookMs / 1000).toFixed(1)} s (pid ${started.pid})`;
}

function at(time: number, load: LoadRun | undefined): string {
  return load ? ` ${((time - load.startedAt) / 1000).toFixed(1)} s into the load (${load.completed()}/${load.total} submitted)` : '';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
