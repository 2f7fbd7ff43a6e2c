// Builds everything into dist/: the renderer with Vite, the Node side with esbuild.
// Why two tools: Vite is the renderer's dev server and bundler; the main process, the web host
// and the preload are plain Node/CommonJS bundles that esbuild produces in milliseconds.
import { readFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { ESM_REQUIRE_BANNER, NODE_EXTERNAL, zodEnglishOnly } from './nodeBundle.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv[2]; // optional: "node" or "renderer"

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: NODE_EXTERNAL,
  banner: ESM_REQUIRE_BANNER,
  plugins: [zodEnglishOnly],
  define: { NEWSDESK_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
};

if (only !== 'renderer') {
  await Promise.all([
    esbuild({ ...common, format: 'esm', entryPoints: ['src/main/web/main.ts'], outfile: 'dist/main/web/main.js' }),
    // TEST ONLY: the web edition with storage fault injection, for the end-to-end suite. A bundle of
    // its own so that the one users run has no fault code in it; electron-builder leaves dist/test out.
    esbuild({ ...common, format: 'esm', entryPoints: ['src/main/web/faultInjectingMain.ts'], outfile: 'dist/test/web/faults.js' }),
    esbuild({
      ...common,
      format: 'esm',
      entryPoints: ['src/main/electron/main.ts'],
      outfile: 'dist/main/electron/main.js',
    }),
    // A sandboxed preload must be one CommonJS file: shared code (and zod) is bundled in.
    esbuild({
      ...common,
      external: ['electron'],
      banner: undefined,
      format: 'cjs',
      entryPoints: ['src/preload/preload.ts'],
      outfile: 'dist/preload/preload.cjs',
    }),
  ]);
}
if (only !== 'node') {
  await vite({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
console.log(`built newsdesk ${version} into dist/`);
