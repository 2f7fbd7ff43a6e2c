import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/**
 * Runs the command under a tiny `sh` watchdog whose stdin is a pipe from this process: when this
 * process ends in any way (a crash, a killed test worker, SIGKILL included), the pipe closes and
 * the watchdog stops the command. So a failing test never leaves a database or a web server behind.
 */
const WATCHDOG = `"$@" </dev/null & child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT
cat >/dev/null
kill -TERM "$child" 2>/dev/null
wait "$child"`;

export class SupervisedProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  /** Starts `command args…`, its stdout and stderr appended to `logFile` (never to our console). */
  constructor(
    readonly name: string,
    command: string,
    args: string[],
    private readonly logFile: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    const log = openSync(logFile, 'a');
    this.child = spawn('sh', ['-c', WATCHDOG, 'watchdog', command, ...args], {
      stdio: ['pipe', log, log],
      env,
      detached: true,
    });
    closeSync(log);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      });
      this.child.once('error', () => {
        this.exitCode = -1;
        resolve(-1);
      });
    });
  }

  /** Whether the process has ended (it should not have while in use). */
  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** The last lines of its log, for an error message (these logs hold no secrets). */
  logTail(lines = 20): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** Asks it to stop (TERM), waits up to `graceMs`, then kills its whole process group. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.stdin?.end();
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.killNow();
      await this.exited;
    }
  }

  /** Synchronous last resort, for process exit handlers. */
  killNow(): void {
    if (!this.running || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
