import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './freePort';
import { DATABASE_PID_FILE, startMariaDb, type MariaDb } from './startMariaDb';
import { SupervisedProcess } from './SupervisedProcess';
import { PORTAL_BINARIES, wordPressMissing } from './wordPressMissing';

const run = promisify(execFile);

export const PORTAL_ROLES = ['contributor', 'author', 'editor'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

export interface PortalUser {
  id: number;
  login: string;
  /** An Application Password (HTTP Basic auth over REST). Never print it (scripts/portal.ts aside). */
  appPassword: string;
}

export interface StartWordPressOptions {
  /**
   * Keep the MariaDB datadir here, across runs (a bench caches its seeded posts this way). It is
   * initialised when empty and left in place by stop(). Default: inside the temp dir, removed.
   */
  databaseDir?: string;
  /** PHP built-in server worker processes (PHP_CLI_SERVER_WORKERS). Default 1. */
  workers?: number;
  /**
   * A wp-admin login password for the editor, for `npm run portal` (a person signs in with it).
   * Default: none, and every user keeps a random login password no one knows.
   */
  editorPassword?: string;
  /**
   * Install and activate the companion plugin (assets/wordpress-plugin/newsdesk-sync) as a site
   * admin would: copied to wp-content/plugins, then activate_plugin(). Default false: stock WordPress.
   */
  plugin?: boolean;
}

/**
 * NEWSDESK_PORTAL_PLUGIN=1: the portal files that test sync (sync, syncFaults, wordpressPortal)
 * run against a WordPress with the companion plugin; scripts/test-all.mjs runs them both ways.
 */
export const WITH_PLUGIN = process.env.NEWSDESK_PORTAL_PLUGIN === '1';
/** Appended to a describe's name, so that the two runs of a file are told apart in a report. */
export const PORTAL_FLAVOUR = WITH_PLUGIN ? ' [with the companion plugin]' : '';
const PLUGIN_SOURCE = join(import.meta.dirname, '..', '..', '..', 'assets', 'wordpress-plugin', 'newsdesk-sync');
export const PLUGIN_FILE = 'newsdesk-sync/newsdesk-sync.php';

export interface RestResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body (null when the body is empty or not JSON). */
  body: unknown;
}

export interface WordPress {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** A REST URL without pretty permalinks: index.php?rest_route=ROUTE&query… */
  restUrl(route: string, query?: Record<string, string | number | boolean>): string;
  users: Record<PortalRole, PortalUser>;
  /** `Authorization` header value for a user's Application Password. */
  authorization(user: PortalUser): string;
  /** One REST call as `user` (or anonymously); a JSON body is sent as JSON. */
  rest(user: PortalUser | null, method: string, route: string, options?: { query?: Record<string, string | number | boolean>; json?: unknown }): Promise<RestResponse>;
  /** Runs a PHP script (source starting with `<?php`) with the PHP CLI in the site dir; its stdout. */
  runPhp(source: string, stdin?: string): Promise<string>;
  /** The throwaway site (a copy of /usr/share/wordpress with its own wp-config.php). */
  siteDir: string;
  /** Whether the companion plugin is installed and active. */
  plugin: boolean;
  database: MariaDb;
  /** The process groups of the PHP server and of MariaDB: none of their processes outlives stop(). */
  processGroups: number[];
  /** Stops PHP and MariaDB and removes the temp dir; safe to call twice. */
  stop(): Promise<void>;
}

const WORDPRESS_TREE = '/usr/share/wordpress';
const TEMP_PREFIX = 'newsdesk-wp-';
/** The pid of the process that made a temp dir: once it is gone, so may the dir be. */
const OWNER_FILE = 'owner.pid';
const READY_TIMEOUT_MS = 30_000;
/** PHP settings for the web server: opcache as a production PHP has it (a fair peer), room for REST. */
const PHP_SERVER_INI = ['-d', 'opcache.enable_cli=1', '-d', 'memory_limit=512M', '-d', 'display_errors=stderr'];

/** Every instance still running, for the exit handler (a test that throws before stop()). */
const running = new Set<{ killNow(): void; tempDir: string }>();
process.once('exit', () => {
  for (const instance of running) {
    instance.killNow();
    rmSync(instance.tempDir, { recursive: true, force: true });
  }
});

/**
 * A real WordPress from Debian's packages on 127.0.0.1, as reference/wordpress-facts.md describes:
 * MariaDB in a temp datadir on a free port, a copy of /usr/share/wordpress with its own
 * wp-config.php (local environment, so Application Passwords work over plain HTTP), installed by
 * a PHP script, a contributor, an author and an editor with Application Passwords, served by
 * `php -S`. Nothing in /etc is touched and no system service is used. On any failure everything
 * started so far is stopped and removed before the error is thrown.
 */
export async function startWordPress(options: StartWordPressOptions = {}): Promise<WordPress> {
  const missing = wordPressMissing();
  if (missing) throw new Error(`startWordPress: ${missing}`);

  sweepAbandoned();
  const tempDir = mkdtempSync(join(tmpdir(), TEMP_PREFIX));
  writeFileSync(join(tempDir, OWNER_FILE), String(process.pid));
  const runDir = join(tempDir, 'run');
  const siteDir = join(tempDir, 'site');
  let database: MariaDb | null = null;
  let php: SupervisedProcess | null = null;
  const instance = {
    tempDir,
    killNow: () => {
      php?.killNow();
      database?.killNow();
    },
  };
  running.add(instance);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await php?.stop();
    await database?.stop();
    running.delete(instance);
    rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    mkdirSync(runDir);
    // Independent, so side by side: MariaDB initialises and starts while the site tree is linked.
    // Both settle before going on, so a failure of one never leaves the other running unseen.
    const [databaseStart, treeCopy] = await Promise.allSettled([
      startMariaDb({ dataDir: options.databaseDir ?? join(tempDir, 'mariadb'), runDir }),
      copyWordPressTree(siteDir),
    ]);
    if (databaseStart.status === 'rejected') throw databaseStart.reason;
    database = databaseStart.value;
    if (treeCopy.status === 'rejected') throw treeCopy.reason;
    await database.sql('CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    writeFileSync(join(siteDir, 'wp-config.php'), wpConfig(database.port, baseUrl));

    const runPhp = async (source: string, stdin?: string): Promise<string> => {
      const file = join(siteDir, `newsdesk-run-${randomBytes(6).toString('hex')}.php`);
      writeFileSync(file, source);
      try {
        const child = run(PORTAL_BINARIES.php, ['-d', 'memory_limit=2G', file], { cwd: siteDir, maxBuffer: 256 * 1024 * 1024 });
        if (stdin !== undefined) child.child.stdin?.end(stdin);
        else child.child.stdin?.end();
        return (await child).stdout;
      } catch (error) {
        const { stderr, stdout } = error as { stderr?: string; stdout?: string };
        throw new Error(`PHP script failed: ${stderr || stdout || String(error)}`);
      } finally {
        unlinkSync(file);
      }
    };

    copyFileSync(join(import.meta.dirname, 'installWordPress.php'), join(siteDir, 'newsdesk-install.php'));
    let installed: { users: Record<PortalRole, PortalUser> };
    try {
      // Through the environment, not argv: a password in argv is visible to every `ps`.
      const env = { ...process.env };
      delete env.NEWSDESK_EDITOR_PASSWORD;
      if (options.editorPassword !== undefined) env.NEWSDESK_EDITOR_PASSWORD = options.editorPassword;
      const { stdout } = await run(PORTAL_BINARIES.php, [join(siteDir, 'newsdesk-install.php')], { cwd: siteDir, env });
      installed = JSON.parse(stdout) as typeof installed;
    } catch (error) {
      // stderr only: stdout would carry the passwords.
      throw new Error(`installing WordPress failed: ${(error as { stderr?: string }).stderr ?? 'no output'}`);
    } finally {
      unlinkSync(join(siteDir, 'newsdesk-install.php'));
    }

    const plugin = options.plugin ?? false;
    if (plugin) {
      cpSync(PLUGIN_SOURCE, join(siteDir, 'wp-content', 'plugins', 'newsdesk-sync'), { recursive: true });
      const activated = await runPhp(
        `<?php require __DIR__ . '/wp-load.php'; require_once ABSPATH . 'wp-admin/includes/plugin.php'; $r = activate_plugin('${PLUGIN_FILE}'); echo is_wp_error($r) ? $r->get_error_message() : (is_plugin_active('${PLUGIN_FILE}') ? 'active' : 'inactive');`,
      );
      if (activated !== 'active') throw new Error(`activating the companion plugin failed: ${activated}`);
    }

    const workers = options.workers ?? 1;
    php = new SupervisedProcess('php -S', PORTAL_BINARIES.php, [...PHP_SERVER_INI, '-S', `127.0.0.1:${port}`, '-t', siteDir], join(runDir, 'php.log'), {
      ...process.env,
      ...(workers > 1 ? { PHP_CLI_SERVER_WORKERS: String(workers) } : {}),
    });

    const restUrl = (route: string, query: Record<string, string | number | boolean> = {}): string => {
      const params = new URLSearchParams({ rest_route: route });
      for (const [key, value] of Object.entries(query)) params.append(key, String(value));
      return `${baseUrl}/index.php?${params.toString()}`;
    };
    const authorization = (user: PortalUser): string =>
      `Basic ${Buffer.from(`${user.login}:${user.appPassword}`).toString('base64')}`;
    const rest: WordPress['rest'] = async (user, method, route, { query, json } = {}) => {
      const headers: Record<string, string> = {};
      if (user) headers.authorization = authorization(user);
      if (json !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(restUrl(route, query), { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
      const text = await response.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      return { status: response.status, headers: response.headers, body };
    };

    await waitUntilServing(restUrl('/'), php);
    const processGroups = [php.processGroup, database.processGroup].filter((pgid): pgid is number => pgid !== undefined);
    return { baseUrl, restUrl, users: installed.users, authorization, rest, runPhp, siteDir, plugin, database, processGroups, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Removes the temp dirs of harness runs whose process died without cleaning up (killed with
 * SIGKILL: its watchdogs stopped the servers, but nothing could remove the files).
 */
function sweepAbandoned(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // Being created right now, or not ours to judge.
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    // Its MariaDB may still be stopping (the watchdog sent TERM): it writes its last files after
    // its port closes, and deleting under it fails (ENOTEMPTY). The next start sweeps it then.
    if (harnessDatabaseRunning(dir)) continue;
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Someone else's leftovers must not fail this start; the next start sweeps again.
    }
  }
}

/** Whether the MariaDB of the harness run in `tempDir` is still running (its pid file names it). */
export function harnessDatabaseRunning(tempDir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(tempDir, 'run', DATABASE_PID_FILE), 'utf8').trim());
  } catch {
    return false; // MariaDB removes its pid file once it has stopped.
  }
  return Number.isInteger(pid) && pid > 0 && isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Hard links when the file system allows it (about 1 s here against 4 s for a copy of 56 MB):
 * WordPress never writes its own files with auto-updates off, and wp-config.php is replaced by a
 * new file, not written through the link.
 */
async function copyWordPressTree(siteDir: string): Promise<void> {
  try {
    await run('cp', ['-al', WORDPRESS_TREE, siteDir]);
  } catch {
    rmSync(siteDir, { recursive: true, force: true });
    await run('cp', ['-a', WORDPRESS_TREE, siteDir]);
  }
  // Debian's wp-config.php reads /etc/wordpress; ours replaces it (unlink first: it is a link).
  rmSync(join(siteDir, 'wp-config.php'), { force: true });
}

function wpConfig(databasePort: number, baseUrl: string): string {
  const salt = () => randomBytes(32).toString('hex');
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  return `<?php
// Written by the Newsdesk portal test harness: a throwaway site on loopback.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:${databasePort}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys.map((key) => `define('${key}', '${salt()}');`).join('\n')}
$table_prefix = 'wp_';
// Application Passwords are refused over plain HTTP except in a local environment.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '${baseUrl}');
define('WP_SITEURL', '${baseUrl}');
// No network here: no cron spawning loopback requests, no update checks, no outbound HTTP.
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

async function waitUntilServing(url: string, php: SupervisedProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (!php.running || Date.now() > deadline) throw new Error(`php -S did not serve WordPress:\n${php.logTail()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
