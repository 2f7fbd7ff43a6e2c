// `npm start`: the desktop app where an Electron binary is present; otherwise one clear line
// saying so, then the web edition on 127.0.0.1 (its URL, with the launch token, is printed).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Finds the Electron binary without triggering the electron package's download-on-require. */
function electronBinary() {
  const require = createRequire(import.meta.url);
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

const extra = process.argv.slice(2);
const binary = electronBinary();
const child = binary
  ? spawn(binary, ['.', ...extra], { stdio: 'inherit' })
  : (console.log(
      'newsdesk: no Electron binary on this machine (it cannot be downloaded here) — starting the web edition on 127.0.0.1 instead.',
    ),
    spawn(process.execPath, ['dist/main/web/main.js', ...extra], { stdio: 'inherit' }));
if (binary) console.log('newsdesk: starting the desktop app (Electron).');

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
