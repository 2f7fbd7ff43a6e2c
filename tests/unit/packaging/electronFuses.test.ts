import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

// electron-builder.yml read and validated by electron-builder 26 itself (its app-builder-lib, reached
// through electron-builder's own dependency, so it is the very version `npm run dist` uses): a
// misspelt fuse name fails its schema here, instead of being ignored silently on a release machine.
// No Electron binary is needed; that the packaged binary has the fuses flipped is checked where one
// is built (`npx @electron/fuses read --app <binary>`, docs/security.md).
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const builderConfig = requireFromBuilder('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };

async function loadConfig(): Promise<Configuration> {
  return builderConfig.getConfig(resolve('.'), 'electron-builder.yml', null);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', { timeout: 60_000 }, async () => {
    await expect(builderConfig.validateConfiguration(await loadConfig(), quietLogger)).resolves.toBeUndefined();
  });

  it('the validation used above does refuse an unknown fuse name (so the test above can fail)', { timeout: 60_000 }, async () => {
    const config = await loadConfig();
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } } as Configuration;
    await expect(builderConfig.validateConfiguration(broken, quietLogger)).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses of the security checklist', async () => {
    const { electronFuses } = await loadConfig();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an ASAR (what the integrity fuses check) and leaves the test-only hosts out', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    // getConfig normalises the YAML's list into one file set.
    const patterns = JSON.stringify(config.files);
    expect(patterns).toContain('"!dist/test/**"');
  });
});
