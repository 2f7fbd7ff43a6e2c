import { existsSync } from 'node:fs';

/** What the harness runs, from the Debian packages scripts/setup-debian.sh installs. */
export const PORTAL_BINARIES = {
  mariadbd: '/usr/sbin/mariadbd',
  mariadbInstallDb: '/usr/bin/mariadb-install-db',
  mariadb: '/usr/bin/mariadb',
  php: '/usr/bin/php',
  wordpress: '/usr/share/wordpress/wp-load.php',
} as const;

const PACKAGE_OF: Record<keyof typeof PORTAL_BINARIES, string> = {
  mariadbd: 'mariadb-server',
  mariadbInstallDb: 'mariadb-server',
  mariadb: 'mariadb-client',
  php: 'php-cli',
  wordpress: 'wordpress',
};

/**
 * Null when everything the WordPress harness needs is installed; otherwise one line naming the
 * missing Debian packages and how to get them.
 */
export function wordPressMissing(): string | null {
  const missing = new Set<string>();
  for (const [key, path] of Object.entries(PORTAL_BINARIES) as [keyof typeof PORTAL_BINARIES, string][]) {
    if (!existsSync(path)) missing.add(PACKAGE_OF[key]);
  }
  if (missing.size === 0) return null;
  return `missing Debian packages: ${[...missing].join(', ')} (run scripts/setup-debian.sh)`;
}
