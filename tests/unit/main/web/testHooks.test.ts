import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER, NODE_EXTERNAL, zodEnglishOnly } from '../../../../scripts/nodeBundle.mjs';

/**
 * Test-only fault injection must not be in what users run. Each entry is bundled here in memory
 * with the options scripts/build.mjs uses (real esbuild, nothing mocked), and the bundle is searched
 * for the fault code itself: not a flag that could be flipped, the code that a flag would reach.
 */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: NODE_EXTERNAL,
    banner: ESM_REQUIRE_BANNER,
    plugins: [zodEnglishOnly],
    define: { NEWSDESK_VERSION: '"0.0.0-test"' },
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

/** What only fault injection has: its class, its plan reader, the file it reads. */
const FAULT_MARKERS = ['FaultInjectingFileSystem', 'faultsFromFile', '.faults.json', 'NEWSDESK_TEST'];

describe('test-only fault injection', () => {
  it.each([['src/main/web/main.ts'], ['src/main/electron/main.ts']])(
    'is not in the bundle users run from %s',
    { timeout: 60_000 },
    async (entry) => {
      const code = await bundle(entry);
      // The bundle is the real host (so the search below searched something).
      expect(code).toContain('createApp');
      for (const marker of FAULT_MARKERS) expect(code, marker).not.toContain(marker);
    },
  );

  it('is in the test-only bundle the end-to-end suite starts (so the check above can fail)', { timeout: 60_000 }, async () => {
    const code = await bundle('src/main/web/faultInjectingMain.ts');
    expect(code).toContain('FaultInjectingFileSystem');
    expect(code).toContain('.faults.json');
  });

  it('no code under src/ reads a NEWSDESK_TEST* environment variable or another test switch', async () => {
    const entries = await readdir('src', { recursive: true, withFileTypes: true });
    const offenders: string[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      const text = await readFile(file, 'utf8');
      if (/process\.env\.NEWSDESK_TEST|process\.env\[['"]NEWSDESK_TEST|NODE_ENV\s*===?\s*['"]test/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
