import { join } from 'node:path';
import { FaultInjectingFileSystem, FAULTS_FILE, faultsFromFile } from '../services/store/FaultInjectingFileSystem';
import { runWebEdition } from './runWebEdition';

/**
 * TEST ONLY: the web edition with storage fault injection, for the end-to-end suite (tests/e2e,
 * WebHost `{ faults: true }`). `<dataDir>/.faults.json` makes storage writes fail (disk full,
 * read-only…). Built to dist/test/web/faults.js, a separate bundle that electron-builder leaves out
 * and `npm run web` never starts: what users run contains no fault code at all (checked by
 * tests/unit/main/web/testHooks.test.ts), so no environment variable or stray file can switch it on.
 */
console.warn('newsdesk: TEST BUILD WITH STORAGE FAULT INJECTION (dist/test/web/faults.js)');
runWebEdition({
  storageFileSystem: (dataDir) => new FaultInjectingFileSystem(faultsFromFile(join(dataDir, FAULTS_FILE))),
}).catch((error: unknown) => {
  console.error('newsdesk: could not start the web edition:', error instanceof Error ? error.message : error);
  process.exit(1);
});
