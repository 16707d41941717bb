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

/**
 * Runs the four services as separate Node processes, as they run in production, each with its own log file;
 * resolves once every one answers /health/ready.
 */
export async function startPlatformProcesses(options: {
  env: (service: ServiceName) => Record<string, string>;
  ports?: Partial<Record<ServiceName, number>>;
  logDir: string;
  readyTimeoutMs?: number;
}): Promise<PlatformProcesses> {
  mkdirSync(options.logDir, { recursive: true });
  const children = new Map<ServiceName, ChildProcess>();
  const urls = {} as Record<ServiceName, string>;
  const stop = async () => {
    await Promise.all([...children.values()].map((child) => stopChild(child)));
  };
  try {
    for (const name of SERVICE_NAMES) {
      const port = options.ports?.[name] ?? (await freePort());
      const logFile = path.join(options.logDir, `${name}.log`);
      const log = createWriteStream(logFile, { flags: 'a' });
      const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, `apps/${name}/src/main.ts`)], {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'), ...options.env(name), PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.pipe(log);
      child.stderr!.pipe(log);
      children.set(name, child);
      urls[name] = `http://127.0.0.1:${port}`;
    }
    await Promise.all(
      SERVICE_NAMES.map((name) =>
        waitFor(
          `${name} to be ready (log: ${path.join(options.logDir, `${name}.log`)})`,
          async () => {
            const child = children.get(name)!;
            if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${tail(path.join(options.logDir, `${name}.log`))}`);
            const response = await fetch(`${urls[name]}/health/ready`).catch(() => undefined);
            return response?.status === 200;
          },
          { timeoutMs: options.readyTimeoutMs ?? 90000, intervalMs: 250 },
        ),
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }
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
