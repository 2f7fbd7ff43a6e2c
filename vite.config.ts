import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer only. Main, web host and preload are bundled by scripts/build.mjs with esbuild:
// they are Node programs and need no dev server, HMR or CSS pipeline.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // One local bundle (React, Lexical, zod) loads from disk, not a network: size is not latency here.
    chunkSizeWarningLimit: 2000,
  },
});
