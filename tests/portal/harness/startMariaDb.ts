import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './freePort';
import { PORTAL_BINARIES } from './wordPressMissing';
import { SupervisedProcess } from './SupervisedProcess';

const run = promisify(execFile);
/** MariaDB's pid file in the run dir; it removes the file once it has stopped. */
export const DATABASE_PID_FILE = 'mariadb.pid';

export interface MariaDb {
  port: number;
  socket: string;
  dataDir: string;
  /** Runs SQL as root through the socket; returns the tab-separated rows. */
  sql(statement: string): Promise<string>;
  stop(): Promise<void>;
  /** Synchronous kill for exit handlers. */
  killNow(): void;
  /** The server's process group (see SupervisedProcess): empty of live processes once stopped. */
  processGroup: number | undefined;
}

export interface StartMariaDbOptions {
  /** The datadir; initialised with mariadb-install-db unless it already holds a database. */
  dataDir: string;
  /** A private folder for the socket and logs (short path: a socket path must fit 107 bytes). */
  runDir: string;
}

const READY_TIMEOUT_MS = 30_000;
const asRoot = process.getuid?.() === 0;

/**
 * A throwaway MariaDB on 127.0.0.1 (reference/wordpress-facts.md): own datadir, own port and
 * socket, no option files read (--no-defaults: nothing from /etc), no system service. Durability
 * settings are relaxed because the data are disposable; everything else is MariaDB's default.
 */
export async function startMariaDb(options: StartMariaDbOptions): Promise<MariaDb> {
  const { dataDir, runDir } = options;
  // MariaDB refuses --user unless it runs as root; as root (CI) it needs it to run at all.
  const userArgs = asRoot ? ['--user=root'] : [];
  if (!existsSync(join(dataDir, 'mysql'))) {
    try {
      await run(PORTAL_BINARIES.mariadbInstallDb, [
        '--no-defaults',
        `--datadir=${dataDir}`,
        ...userArgs,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        // Its own temp dir (passed on to the bootstrap server): in the shared /tmp, two bootstraps at
        // once were seen to lose a temporary table ("Could not remove temporary table … error: 2").
        `--tmpdir=${runDir}`,
      ]);
    } catch (error) {
      throw new Error(`mariadb-install-db failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
    }
  }
  const port = await freePort();
  const socket = join(runDir, 'mariadb.sock');
  const server = new SupervisedProcess(
    'mariadbd',
    PORTAL_BINARIES.mariadbd,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${join(runDir, DATABASE_PID_FILE)}`,
      `--tmpdir=${runDir}`,
      ...userArgs,
      // No DNS: this machine has no network, and a reverse lookup per connection would stall.
      '--skip-name-resolve',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_520_ci',
      // Disposable data: no flush per commit, no doublewrite.
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      '--innodb-buffer-pool-size=256M',
    ],
    join(runDir, 'mariadb.log'),
  );
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await accepts(port))) {
    if (!server.running || Date.now() > deadline) {
      await server.stop();
      throw new Error(`MariaDB did not start on port ${port}:\n${server.logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const sql = async (statement: string): Promise<string> => {
    const { stdout } = await run(PORTAL_BINARIES.mariadb, ['--no-defaults', `--socket=${socket}`, '-uroot', '--batch', '--skip-column-names', '-e', statement], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  };
  return { port, socket, dataDir, sql, stop: () => server.stop(60_000), killNow: () => server.killNow(), processGroup: server.processGroup };
}

/** Whether something accepts TCP connections on 127.0.0.1:port right now. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
