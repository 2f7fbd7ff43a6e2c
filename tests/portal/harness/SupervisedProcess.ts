import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { processGroupMembers } from './processGroupMembers';

/**
 * Runs the command under a tiny `sh` watchdog whose stdin is a pipe from this process: when this
 * process ends in any way (a crash, a killed test worker, SIGKILL included), the pipe closes and
 * the watchdog stops the command. So a failing test never leaves a database or a web server behind.
 * The watchdog leads a process group of its own (spawned detached), which everything the command
 * starts joins; once the command has ended, the watchdog ends the rest of the group too: `php -S`
 * with PHP_CLI_SERVER_WORKERS exits on TERM and leaves its forked workers serving the port.
 */
const WATCHDOG = `"$@" </dev/null & child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT
cat >/dev/null
kill -TERM "$child" 2>/dev/null
wait "$child"
status=$?
trap '' TERM
kill -TERM 0 2>/dev/null
exit $status`;

/** How long stop() gives what is left of the group after TERM before SIGKILL, and after SIGKILL. */
const GROUP_GRACE_MS = 5_000;

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

  /** Its process group (the watchdog's pid): the command and everything it started. */
  get processGroup(): number | undefined {
    return this.child.pid;
  }

  /**
   * Asks it to stop (TERM), waits up to `graceMs`, then kills its whole process group; returns once
   * no process of the group is left (throws if one survives SIGKILL), whatever the command forked.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.running) {
      this.child.stdin?.end();
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
      if ((await Promise.race([this.exited, timer])) === 'timeout') {
        this.killNow();
        await this.exited;
      }
    }
    await this.endGroup();
  }

  /** What is left of the group after the watchdog: TERM, a grace period, then SIGKILL. */
  private async endGroup(): Promise<void> {
    const pgid = this.child.pid;
    if (pgid === undefined) return;
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      if (processGroupMembers(pgid).length === 0) return;
      try {
        process.kill(-pgid, signal);
      } catch {
        return; // no such group: all gone
      }
      const deadline = Date.now() + GROUP_GRACE_MS;
      while (processGroupMembers(pgid).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const left = processGroupMembers(pgid);
    if (left.length > 0) throw new Error(`${this.name}: processes ${left.join(', ')} of its group survived SIGKILL`);
  }

  /** Synchronous last resort, for process exit handlers: SIGKILL to the whole group, if any of it is left. */
  killNow(): void {
    const pgid = this.child.pid;
    // Checked first: once the group is gone its number may be reused by another process's group.
    if (pgid === undefined || processGroupMembers(pgid).length === 0) return;
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
