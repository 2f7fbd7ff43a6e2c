// `npm run portal`: the portal test harness's throwaway WordPress on loopback, to try Newsdesk
// against by hand. Prints the site and the three accounts; Ctrl+C (or SIGTERM) stops MariaDB and
// PHP and removes every file the run made.
import { randomBytes } from 'node:crypto';
import { startWordPress, type PortalRole, type WordPress } from '../tests/portal/harness/startWordPress';

/** Newsdesk's people and the WordPress role each signs in with. */
const ACCOUNTS: Array<{ person: string; role: PortalRole }> = [
  { person: 'reporter (contributor)', role: 'contributor' },
  { person: 'photographer (author)', role: 'author' },
  { person: 'editor (editor)', role: 'editor' },
];

const startedAt = Date.now();
// Only the editor gets a known wp-admin password, made fresh for this run and shown below.
const editorPassword = randomBytes(12).toString('base64url');
console.log('Starting a local WordPress portal (MariaDB + PHP on 127.0.0.1)…');
const starting = startWordPress({ editorPassword });

/** An Application Password in groups of four, as WordPress shows it (it accepts either form). */
function grouped(password: string): string {
  return password.replace(/(.{4})(?=.)/g, '$1 ');
}

let stopping = false;
// Signals are handled from the start, so a Ctrl+C during start-up still cleans up after it.
const shutdown = async (signal: string): Promise<void> => {
  if (stopping) return; // A second Ctrl+C while stopping: the first one is already on it.
  stopping = true;
  console.log(`\n${signal}: stopping the portal…`);
  let started: WordPress | null = null;
  try {
    started = await starting;
  } catch {
    // Interrupted: a child it was running got the same Ctrl+C. It removed what it had made.
  }
  await started?.stop();
  console.log('Stopped. The database and the site files are removed.');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

let wp: WordPress;
try {
  wp = await starting;
} catch (error) {
  if (stopping) await new Promise<never>(() => undefined); // shutdown() ends the process.
  console.error(`The portal could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (!stopping) {
  const width = Math.max(...ACCOUNTS.map((account) => account.person.length)) + 2;
  const loginWidth = Math.max(...ACCOUNTS.map((account) => wp.users[account.role].login.length)) + 2;
  const lines = [
    '',
    `Newsdesk test portal is running (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s).`,
    '',
    `  Site URL: ${wp.baseUrl}`,
    '',
    `  ${'who'.padEnd(width)}${'user name'.padEnd(loginWidth)}application password`,
    ...ACCOUNTS.map(({ person, role }) => `  ${person.padEnd(width)}${wp.users[role].login.padEnd(loginWidth)}${grouped(wp.users[role].appPassword)}`),
    '',
    'In Newsdesk, open "Tài khoản cổng / Portal account" and enter the site URL, a user name and its application password.',
    `wp-admin: ${wp.baseUrl}/wp-login.php as ${wp.users.editor.login}, password ${editorPassword} (the editor only).`,
    'Ctrl+C stops the portal and removes everything it made (database, site files).',
  ];
  console.log(lines.join('\n'));
}
// The servers run in their own processes; this timer keeps this one waiting for a signal.
setInterval(() => undefined, 60 * 60 * 1000);
