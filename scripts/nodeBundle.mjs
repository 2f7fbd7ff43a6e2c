// esbuild options shared by the Node-side bundles (scripts/build.mjs) and the hosts benches build
// (bench/fixtures/buildEntry.ts), so a bench measures what ships.

/**
 * Pure-JS packages (zod, lowdb…) are bundled in: resolving and loading them file by file from
 * node_modules cost ~110 ms of every host start. Native and binary ones stay outside.
 */
export const NODE_EXTERNAL = ['electron', 'sharp', 'exiftool-vendored'];

/** A CommonJS package bundled into an ESM file still calls require(): give it one. */
export const ESM_REQUIRE_BANNER = {
  js: "import { createRequire as __newsdeskCreateRequire } from 'node:module'; const require = __newsdeskCreateRequire(import.meta.url);",
};

/**
 * zod re-exports every locale it has (`z.locales.*`, ~360 KB, 40% of the host bundle) and V8
 * compiles all of it at start; we use only English messages (zod's default, imported on its own).
 * The locale index is replaced by one that exports `en` alone.
 */
export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only', pluginData: args.resolveDir } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: 'export { default as en } from "../locales/en.js";',
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};
