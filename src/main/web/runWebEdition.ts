import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../app';
import { deferApp } from '../deferApp';
import type { FileSystem } from '../services/store/FileSystem';
import { startWebServer } from './server';

declare const NEWSDESK_VERSION: string;

export interface WebEditionOptions {
  /**
   * TEST ONLY: the article store's file system for a data dir. Given only by
   * src/main/web/faultInjectingMain.ts, a separate bundle that is never shipped.
   */
  storageFileSystem?: (dataDir: string) => FileSystem;
}

/** The web edition on 127.0.0.1. Flags: --port N, --data-dir DIR. */
export async function runWebEdition(options: WebEditionOptions = {}): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`newsdesk: --port must be a number from 0 to 65535 (got "${values.port}")`);
    process.exit(2);
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.NEWSDESK_DATA_DIR ?? join(homedir(), '.newsdesk', 'data'));
  mkdirSync(dataDir, { recursive: true });
  // dist/main/web/main.js and dist/test/web/faults.js are both two levels below dist/.
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(here, '..', '..', 'renderer');

  // Listening starts while the app opens its store: the browser loads the renderer meanwhile,
  // and its first calls wait for the app (deferApp).
  const opening = createApp({
    dataDir,
    host: 'web',
    version: NEWSDESK_VERSION,
    ...(options.storageFileSystem ? { storageFileSystem: options.storageFileSystem(dataDir) } : {}),
  });
  const server = await startWebServer({ app: deferApp(opening), rendererDir, port });
  console.log(`Newsdesk web edition (loopback only): ${server.url}`);
  console.log(`Data: ${dataDir}`);
  const app = await opening;

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}
