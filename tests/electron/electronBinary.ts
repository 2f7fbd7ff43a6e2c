import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

const PACKAGE_DIR = resolve('node_modules/electron');

/**
 * Where the Electron binary is, or why there is none, found the way the `electron` package finds
 * it (ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/path.txt + dist/). Not by requiring
 * the package: since Electron 38 its index.js starts a download when the binary is missing.
 */
export function findElectronBinary(): ElectronBinary {
  const pathFile = join(PACKAGE_DIR, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !relative) {
    return { available: false, reason: 'node_modules/electron/path.txt is missing (its download never ran) and ELECTRON_OVERRIDE_DIST_PATH is not set' };
  }
  const path = override ? join(override, relative || 'electron') : join(PACKAGE_DIR, 'dist', relative);
  if (!existsSync(path)) return { available: false, reason: `${path} does not exist` };
  return { available: true, path };
}
