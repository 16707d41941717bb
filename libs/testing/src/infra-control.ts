import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from './wait-for';
import { testInfra } from './test-infra';

export const INFRA_COMPONENTS = ['kafka', 'mongo', 'redis'] as const;
export type InfraComponent = (typeof INFRA_COMPONENTS)[number];

const ROOT = path.resolve(__dirname, '../../..');
const INFRA_SCRIPT = path.join(ROOT, 'deploy/local/infra.sh');

/** How the test instance was started: deploy/local/infra.sh's settings, read from the environment `npm test` exports. */
export interface InfraInstance {
  /** $GEC_LOCAL_DIR (default <repo>/.local), canonical. */
  localDir: string;
  /** $GEC_INSTANCE (default test). */
  instance: string;
  ports: { kafka: number; kafkaController: number; mongo: number; redis: number };
}

/**
 * Kills and restarts the test instance's own Kafka broker, database and Redis, the processes deploy/local/infra.sh
 * started (their pid files are $GEC_LOCAL_DIR/$GEC_INSTANCE/run/<component>.pid). A component run elsewhere
 * (no live pid file of this instance) is not ours to kill: `controllable` says so and `kill` refuses.
 */
export class InfraControl {
  constructor(readonly instance: InfraInstance = InfraControl.instanceFromEnv()) {}

  static instanceFromEnv(env: NodeJS.ProcessEnv = process.env): InfraInstance {
    const localDir = canonical(env.GEC_LOCAL_DIR ?? path.join(ROOT, '.local'));
    const instance = env.GEC_INSTANCE ?? env.GEC_TEST_INSTANCE ?? 'test';
    const infra = testInfra();
    const portOf = (url: string) => Number(/:(\d+)(?:[/,]|$)/.exec(url)?.[1]);
    const kafka = Number(env.GEC_KAFKA_PORT ?? portOf(infra.kafkaBrokers));
    const runDir = path.join(localDir, instance, 'run');
    return {
      localDir,
      instance,
      ports: {
        kafka,
        kafkaController: Number(env.GEC_KAFKA_CONTROLLER_PORT ?? controllerPortFromConfig(runDir) ?? kafka + 1),
        mongo: Number(env.GEC_MONGO_PORT ?? portOf(infra.mongoUrl)),
        redis: Number(env.GEC_REDIS_PORT ?? portOf(infra.redisUrl)),
      },
    };
  }

  get instanceDir(): string {
    return path.join(this.instance.localDir, this.instance.instance);
  }

  pidFile(component: InfraComponent): string {
    return path.join(this.instanceDir, 'run', `${component}.pid`);
  }

  /**
   * The pid of the component when this instance runs it: from its pid file (as infra.sh's running_pid decides), or
   * else the process of that component whose working directory is the instance's (infra.sh starts them there).
   */
  pid(component: InfraComponent): number | undefined {
    const file = this.pidFile(component);
    const recorded = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN;
    if (Number.isInteger(recorded) && recorded > 0 && isAlive(recorded) && this.runsHere(recorded)) return recorded;
    return this.findProcess(component);
  }

  private runsHere(pid: number): boolean {
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      return cwd === this.instanceDir || cwd.startsWith(`${this.instanceDir}/`);
    } catch {
      return false;
    }
  }

  private findProcess(component: InfraComponent): number | undefined {
    const signature = { kafka: 'kafka.Kafka', mongo: 'MongoLauncher', redis: 'redis-server' }[component];
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid <= 0 || !this.runsHere(pid) || !isAlive(pid)) continue;
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(signature)) return pid;
      } catch {
        // gone meanwhile
      }
    }
    return undefined;
  }

  /** Whether this instance runs the component itself, so a test may kill and restart it. */
  controllable(component: InfraComponent): boolean {
    return this.pid(component) !== undefined;
  }

  /** Sends the signal (default SIGKILL) and resolves once the process is gone. */
  async kill(component: InfraComponent, signal: NodeJS.Signals = 'SIGKILL'): Promise<{ pid: number }> {
    const pid = this.pid(component);
    if (pid === undefined) throw new Error(`${component} of instance ${this.instance.instance} is not running from ${this.pidFile(component)}; it is not ours to kill`);
    process.kill(pid, signal);
    await waitFor(`${component} (pid ${pid}) to die`, () => !isAlive(pid), { timeoutMs: 30000, intervalMs: 50 });
    return { pid };
  }

  /**
   * Starts the component again through `infra.sh up <component>` (same data directory and ports) and resolves once
   * infra.sh found it ready. The URL variables are left out of infra.sh's environment: to it they mean "external".
   */
  async start(component: InfraComponent): Promise<{ pid: number; tookMs: number }> {
    const started = Date.now();
    const { stderr } = await this.infraSh(['up', component]);
    const pid = this.pid(component);
    if (pid === undefined) throw new Error(`infra.sh up ${component} succeeded but no ${component} process of this instance runs:\n${stderr}`);
    if (!existsSync(this.pidFile(component))) {
      // Seen once under heavy load: infra.sh's own check right after the start found the new process not yet
      // settled and removed its pid file. Without it, infra.sh down/reset would leave the process running.
      writeFileSync(this.pidFile(component), `${pid}\n`);
      console.warn(`[infra-control] infra.sh up ${component} left no pid file; wrote ${pid} to ${this.pidFile(component)}. infra.sh said:\n${stderr}`);
    }
    return { pid, tookMs: Date.now() - started };
  }

  /** kill -9, an optional pause while it is down, then start again. */
  async crash(component: InfraComponent, downMs = 0): Promise<{ downMs: number; restartMs: number }> {
    const killedAt = Date.now();
    await this.kill(component, 'SIGKILL');
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    const { tookMs } = await this.start(component);
    return { downMs: Date.now() - killedAt, restartMs: tookMs };
  }

  /** The environment infra.sh needs to address this instance, without the URL variables. */
  infraEnv(): NodeJS.ProcessEnv {
    const { KAFKA_BROKERS: _kafka, MONGO_URL: _mongo, REDIS_URL: _redis, ...env } = process.env;
    const { ports } = this.instance;
    return {
      ...env,
      GEC_LOCAL_DIR: this.instance.localDir,
      GEC_INSTANCE: this.instance.instance,
      GEC_KAFKA_PORT: String(ports.kafka),
      GEC_KAFKA_CONTROLLER_PORT: String(ports.kafkaController),
      GEC_MONGO_PORT: String(ports.mongo),
      GEC_REDIS_PORT: String(ports.redis),
      // A restart after kill -9 (log recovery, re-registration) can take longer than a cold start on a busy machine.
      GEC_READY_TIMEOUT: env.GEC_READY_TIMEOUT ?? '110',
    };
  }

  private infraSh(args: string[]): Promise<{ stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      execFile('bash', [INFRA_SCRIPT, ...args], { env: this.infraEnv(), cwd: ROOT, timeout: 120000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`infra.sh ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      });
    });
  }
}

/** Alive and not a zombie (an init that does not reap would otherwise keep a dead pid "alive"). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function controllerPortFromConfig(runDir: string): number | undefined {
  try {
    const config = readFileSync(path.join(runDir, 'kafka-server.properties'), 'utf8');
    const port = /^controller\.quorum\.voters=\d+@[^:]+:(\d+)/m.exec(config)?.[1];
    return port ? Number(port) : undefined;
  } catch {
    return undefined;
  }
}

function canonical(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
