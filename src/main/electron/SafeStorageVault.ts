import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import type { CredentialVault } from '../services/portal/CredentialVault';
import type { PortalCredentials } from '../services/portal/Portal';
import { writeFileDurable } from '../services/store/writeFileDurable';

const FILE = 'portal-credentials.safe';
const credentialsSchema = z.object({ siteUrl: z.string(), username: z.string(), appPassword: z.string() });

/**
 * The desktop's vault: the credentials encrypted with Electron's safeStorage (the key is held by
 * the OS keychain: Keychain on macOS, DPAPI on Windows, the Secret Service or kwallet on Linux),
 * the ciphertext in the user-data folder. When the OS offers no keychain (`basic_text` on a bare
 * Linux session) nothing is stored and the user signs in at each start, rather than keeping a
 * password under a key anyone could read.
 */
export class SafeStorageVault implements CredentialVault {
  readonly kind = 'os-keychain' as const;
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, FILE);
  }

  async load(): Promise<PortalCredentials | null> {
    if (!this.usable()) return null;
    try {
      const plain = safeStorage.decryptString(await readFile(this.file));
      const parsed = credentialsSchema.safeParse(JSON.parse(plain));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async save(credentials: PortalCredentials): Promise<void> {
    if (!this.usable()) return;
    await writeFileDurable(this.file, safeStorage.encryptString(JSON.stringify(credentialsSchema.parse(credentials))));
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }

  private usable(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }
}
