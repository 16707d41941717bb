import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { waitFor } from './wait-for';

export const SERVICE_NAMES = ['intake', 'metrics', 'rating', 'finance'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const ROOT = path.resolve(__dirname, '../../..');

export interface PlatformProcesses {
  urls: Record<ServiceName, string>;
  stop(): Promise<void>;
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

/**
 * Runs the four services as separate Node processes, as they run in production, each with its own log file;
 * resolves once every one answers /health/ready.
 */
export async function startPlatformProcesses(options: {
  env: (service: ServiceName) => Record<string, string>;
  ports?: Partial<Record<ServiceName, number>>;
  logDir: string;
  readyTimeoutMs?: number;
  /** Extra node options per service, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs?: (service: ServiceName) => string[];
}): Promise<PlatformProcesses> {
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
  };
  try {
    for (const name of SERVICE_NAMES) services.push(await spawnService(name, { env: options.env(name), port: options.ports?.[name], logDir: options.logDir, nodeArgs: options.nodeArgs?.(name) }));
    await Promise.all(services.map((service) => serviceReady(service, options.readyTimeoutMs)));
  } catch (error) {
    await stop();
    throw error;
  }
  const urls = Object.fromEntries(services.map((service) => [service.name, service.url])) as Record<ServiceName, string>;
  return { urls, stop };
}

function stopChild(child: ChildProcess, graceMs = 10000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
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
