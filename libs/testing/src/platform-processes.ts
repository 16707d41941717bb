import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { waitFor } from './wait-for';

export const SERVICE_NAMES = ['intake', 'metrics', 'rating', 'finance'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const ROOT = path.resolve(__dirname, '../../..');

export interface KillOptions {
  /** Default SIGKILL: the process gets no chance to finish anything. */
  signal?: NodeJS.Signals;
  /** Which replica (0-based); all of the service's replicas when left out. */
  replica?: number;
}

export interface RestartOptions {
  /** Which replica (0-based); when left out, every replica that is not running (all of them if all are). */
  replica?: number;
}

export interface PlatformProcesses {
  /** The first replica's URL of each service. */
  urls: Record<ServiceName, string>;
  /** Every replica's URL, in replica order. */
  replicaUrls: Record<ServiceName, string[]>;
  /** Sends the signal and resolves once the process (or processes) exited. */
  kill(service: ServiceName, options?: KillOptions): Promise<void>;
  /**
   * Starts the replica (or replicas) again with the same environment and port, and resolves once it answers
   * /health/ready. A replica still running is stopped first (SIGTERM).
   */
  restart(service: ServiceName, options?: RestartOptions): Promise<void>;
  /** The pid of a running replica, undefined when it is not running. */
  pid(service: ServiceName, replica?: number): number | undefined;
  logFile(service: ServiceName, replica?: number): string;
  stop(): Promise<void>;
}

interface Replica {
  service: ServiceName;
  index: number;
  port: number;
  url: string;
  logFile: string;
  env: Record<string, string>;
  nodeArgs: string[];
  child?: ChildProcess;
}

/**
 * Runs the four services as separate Node processes, as they run in production, each with its own log file;
 * resolves once every one answers /health/ready. With `replicas`, a service runs as several processes sharing its
 * consumer group (same environment), each on its own port.
 */
export async function startPlatformProcesses(options: {
  env: (service: ServiceName, replica: number) => Record<string, string>;
  /** The first replica's port; further replicas and unlisted services get free ports. */
  ports?: Partial<Record<ServiceName, number>>;
  replicas?: Partial<Record<ServiceName, number>>;
  logDir: string;
  readyTimeoutMs?: number;
  /** Extra node options per service, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs?: (service: ServiceName) => string[];
}): Promise<PlatformProcesses> {
  mkdirSync(options.logDir, { recursive: true });
  const readyTimeoutMs = options.readyTimeoutMs ?? 90000;
  const replicas = new Map<ServiceName, Replica[]>();
  for (const service of SERVICE_NAMES) {
    const count = options.replicas?.[service] ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`replicas of ${service} must be a positive integer; got ${count}`);
    const list: Replica[] = [];
    for (let index = 0; index < count; index++) {
      const port = (index === 0 ? options.ports?.[service] : undefined) ?? (await freePort());
      list.push({
        service,
        index,
        port,
        url: `http://127.0.0.1:${port}`,
        logFile: path.join(options.logDir, index === 0 ? `${service}.log` : `${service}-${index + 1}.log`),
        env: options.env(service, index),
        nodeArgs: options.nodeArgs?.(service) ?? [],
      });
    }
    replicas.set(service, list);
  }
  const all = () => [...replicas.values()].flat();
  const select = (service: ServiceName, replica: number | undefined): Replica[] => {
    const list = replicas.get(service)!;
    if (replica === undefined) return list;
    const found = list[replica];
    if (!found) throw new RangeError(`${service} has ${list.length} replica(s); there is no replica ${replica}`);
    return [found];
  };

  const stop = async () => {
    await Promise.all(all().map((r) => stopChild(r.child)));
  };
  try {
    for (const replica of all()) spawnReplica(replica);
    await Promise.all(all().map((replica) => waitReady(replica, readyTimeoutMs)));
  } catch (error) {
    await stop();
    throw error;
  }

  const urls = {} as Record<ServiceName, string>;
  const replicaUrls = {} as Record<ServiceName, string[]>;
  for (const [service, list] of replicas) {
    urls[service] = list[0].url;
    replicaUrls[service] = list.map((r) => r.url);
  }
  return {
    urls,
    replicaUrls,
    stop,
    async kill(service, { signal = 'SIGKILL', replica } = {}) {
      await Promise.all(select(service, replica).map((r) => killChild(r.child, signal)));
    },
    async restart(service, { replica } = {}) {
      let targets = select(service, replica);
      if (replica === undefined) {
        const stopped = targets.filter((r) => !isRunning(r.child));
        if (stopped.length > 0) targets = stopped;
      }
      await Promise.all(targets.map((r) => stopChild(r.child)));
      for (const r of targets) spawnReplica(r);
      await Promise.all(targets.map((r) => waitReady(r, readyTimeoutMs)));
    },
    pid(service, replica = 0) {
      const child = select(service, replica)[0].child;
      return isRunning(child) ? child!.pid : undefined;
    },
    logFile(service, replica = 0) {
      return select(service, replica)[0].logFile;
    },
  };
}

function spawnReplica(replica: Replica): void {
  const log = createWriteStream(replica.logFile, { flags: 'a' });
  log.write(`${JSON.stringify({ time: Date.now(), msg: `test harness: starting ${replica.service} replica ${replica.index + 1} on port ${replica.port}` })}\n`);
  const child = spawn(process.execPath, [...replica.nodeArgs, '-r', '@swc-node/register', path.join(ROOT, `apps/${replica.service}/src/main.ts`)], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'), ...replica.env, PORT: String(replica.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  child.once('exit', (code, signal) => {
    log.end(`${JSON.stringify({ time: Date.now(), msg: `test harness: ${replica.service} replica ${replica.index + 1} exited (code ${code}, signal ${signal})` })}\n`);
  });
  replica.child = child;
}

function waitReady(replica: Replica, timeoutMs: number): Promise<boolean> {
  const name = replica.index === 0 ? replica.service : `${replica.service} replica ${replica.index + 1}`;
  return waitFor(
    `${name} to be ready (log: ${replica.logFile})`,
    async () => {
      const child = replica.child!;
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${name} exited with ${child.exitCode ?? child.signalCode}: ${tail(replica.logFile)}`);
      }
      const response = await fetch(`${replica.url}/health/ready`).catch(() => undefined);
      return response?.status === 200;
    },
    { timeoutMs, intervalMs: 250 },
  );
}

function isRunning(child: ChildProcess | undefined): boolean {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

function killChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child!.once('exit', () => resolve());
    child!.kill(signal);
  });
}

function stopChild(child: ChildProcess | undefined, graceMs = 10000): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child!.kill('SIGKILL'), graceMs);
    child!.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child!.kill('SIGTERM');
  });
}

/** A TCP port on the loopback interface that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** One service running as a Node process of its own, as in production. */
export interface ServiceProcess {
  name: ServiceName;
  url: string;
  child: ChildProcess;
  logFile: string;
  /** Stops it as an orchestrator would (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash or an OOM kill would; resolves once it is gone. */
  kill(): Promise<void>;
}

/** Starts one service as a separate Node process with its own log file; resolve with `ready()` before use. */
export async function spawnService(name: ServiceName, options: { env: Record<string, string>; port?: number; logDir: string; nodeArgs?: string[] }): Promise<ServiceProcess> {
  mkdirSync(options.logDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const logFile = path.join(options.logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '-r', '@swc-node/register', path.join(ROOT, `apps/${name}/src/main.ts`)], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'), ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    logFile,
    stop: () => stopChild(child),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Resolves once the service answers /health/ready; fails if it exits first or the deadline passes. */
export async function serviceReady(service: ServiceProcess, timeoutMs = 90000): Promise<void> {
  await waitFor(
    `${service.name} to be ready (log: ${service.logFile})`,
    async () => {
      if (service.child.exitCode !== null) throw new Error(`${service.name} exited with ${service.child.exitCode}: ${tail(service.logFile)}`);
      const response = await fetch(`${service.url}/health/ready`).catch(() => undefined);
      return response?.status === 200;
    },
    { timeoutMs, intervalMs: 250 },
  );
}
