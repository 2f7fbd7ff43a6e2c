import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints snippets as if they lived at the given path, with the project's real eslint.config.js,
// so these tests fail if the layering rule is switched off or loses a case. The probe files do not
// exist, so type-aware parsing (which needs them in a tsconfig) is switched off for these snippets.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: resolve(import.meta.dirname, '../../..'),
    overrideConfig: {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });
});

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(import.meta.dirname, '../../..', filePath) });
  const messages = result?.messages ?? [];
  // A parse error would also "fail": make sure the snippet was understood before judging the rule.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'layering/imports').map((m) => m.message);
}

describe('layering (architecture §3.1)', () => {
  it('refuses electron in a service', async () => {
    const errors = await layeringErrors(
      'src/main/services/store/Probe.ts',
      "import { app } from 'electron';\nexport const probe = app;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('electron');
  });

  it('refuses a service reaching into a host', async () => {
    const errors = await layeringErrors(
      'src/main/services/store/Probe.ts',
      "import { startWebServer } from '../../web/server';\nexport const probe = startWebServer;\n",
    );
    expect(errors).toEqual([expect.stringContaining('web-host')]);
  });

  it('refuses the renderer importing main, resolving the relative path', async () => {
    const errors = await layeringErrors(
      'src/renderer/app/Probe.tsx',
      "import { createApp } from '../../main/app';\nexport const probe = createApp;\n",
    );
    expect(errors).toEqual([expect.stringContaining('main-root')]);
  });

  it('refuses node built-ins in the renderer, with or without the node: prefix', async () => {
    const errors = await layeringErrors(
      'src/renderer/app/Probe.ts',
      "import { readFile } from 'node:fs/promises';\nimport { join } from 'path';\nexport const probe = [readFile, join];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('refuses node:fs in shared', async () => {
    const errors = await layeringErrors(
      'src/shared/text/Probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    );
    expect(errors).toEqual([expect.stringContaining('node:fs')]);
  });

  it('refuses shared importing main through a type-only import() too', async () => {
    const errors = await layeringErrors(
      'src/shared/Probe.ts',
      "export type Probe = import('../main/app').NewsdeskApp;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('lets the preload import shared and electron, but not Node or main', async () => {
    expect(
      await layeringErrors(
        'src/preload/Probe.ts',
        "import { contextBridge } from 'electron';\nimport { isChannelName } from '../shared/contract';\nexport const probe = [contextBridge, isChannelName];\n",
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        'src/preload/Probe.ts',
        "import { createApp } from '../main/app';\nimport { join } from 'node:path';\nexport const probe = [createApp, join];\n",
      ),
    ).toHaveLength(2);
  });

  it('lets the renderer import shared', async () => {
    expect(
      await layeringErrors(
        'src/renderer/app/Probe.tsx',
        "import { channels } from '../../shared/contract';\nimport { useState } from 'react';\nexport const probe = [channels, useState];\n",
      ),
    ).toEqual([]);
  });

  it('keeps ipcMain in main/electron/ipc.ts and ipcRenderer in the preload', async () => {
    const snippet = "import { ipcMain } from 'electron';\nexport const probe = ipcMain;\n";
    expect(await layeringErrors('src/main/electron/window.ts', snippet)).toEqual([expect.stringContaining('ipcMain')]);
    expect(await layeringErrors('src/main/electron/ipc.ts', snippet)).toEqual([]);
    const viaNamespace = "import * as electron from 'electron';\nexport const probe = electron.ipcRenderer;\n";
    expect(await layeringErrors('src/main/electron/window.ts', viaNamespace)).toEqual([
      expect.stringContaining('ipcRenderer'),
    ]);
    expect(await layeringErrors('src/preload/preload.ts', viaNamespace)).toEqual([]);
  });

  it('keeps window.newsdesk behind bridge.ts', async () => {
    const lint = async (filePath: string) => {
      const [result] = await eslint.lintText("export const probe = window.newsdesk;\n", {
        filePath: resolve(import.meta.dirname, '../../..', filePath),
      });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-properties');
    };
    expect(await lint('src/renderer/editor/Probe.tsx')).toHaveLength(1);
    expect(await lint('src/renderer/app/bridge.ts')).toEqual([]);
  });

  it('keeps the web host free of electron', async () => {
    expect(
      await layeringErrors('src/main/web/Probe.ts', "import { app } from 'electron';\nexport const probe = app;\n"),
    ).toHaveLength(1);
  });
});
