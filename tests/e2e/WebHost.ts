import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve('dist/main/web/main.js');
/** TEST ONLY build of the same host with storage fault injection (src/main/web/faultInjectingMain.ts). */
const MAIN_WITH_FAULTS = resolve('dist/test/web/faults.js');

export interface WebHostOptions {
  /** Start the fault-injecting test build: `<dataDir>/.faults.json` makes storage writes fail. */
  faults?: boolean;
}

/**
 * A real web-edition host process on loopback with its own data dir. `restart()` stops it and
 * starts a new process on the same data dir (a new token and port, as after a real restart).
 */
export class WebHost {
  url = '';
  port = 0;
  token = '';
  private child: ChildProcess | null = null;

  constructor(
    readonly dataDir: string,
    /** Extra environment for the host process. */
    readonly env: Record<string, string> = {},
    readonly options: WebHostOptions = {},
  ) {}

  static async start(
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-e2e-')),
    env: Record<string, string> = {},
    options: WebHostOptions = {},
  ): Promise<WebHost> {
    const host = new WebHost(dataDir, env, options);
    await host.launch();
    return host;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Where the host keeps the key of its credential vault: beside the data dir, never inside it. */
  get keyDir(): string {
    return `${this.dataDir}-keys`;
  }

  /** Everything the host printed (stdout and stderr) since it was first started: its log. */
  log = '';

  private launch(): Promise<void> {
    const entry = this.options.faults ? MAIN_WITH_FAULTS : MAIN;
    const child = spawn(process.execPath, [entry, '--data-dir', this.dataDir, '--port', '0'], {
      env: { ...process.env, NEWSDESK_KEY_DIR: this.keyDir, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    return new Promise((resolvePromise, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        this.log += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+))/.exec(output);
        if (match) {
          clearTimeout(timer);
          this.url = match[1]!;
          this.port = Number(match[2]);
          this.token = match[3]!;
          resolvePromise();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`web host exited (${code}):\n${output}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(this.keyDir, { recursive: true, force: true });
  }
}
