import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { NewsdeskError } from '../../../shared/errors';
import { writeFileDurable } from '../store/writeFileDurable';
import type { CredentialVault } from './CredentialVault';
import type { PortalCredentials } from './Portal';

export const VAULT_FILE = 'portal-credentials.enc';
const KEY_FILE = 'newsdesk-web-vault.key';
const FORMAT = 1;

const credentialsSchema = z.object({ siteUrl: z.string(), username: z.string(), appPassword: z.string() });

/** The default key folder: in the user's home, never inside a data dir. NEWSDESK_KEY_DIR overrides. */
export function defaultKeyDir(): string {
  return process.env.NEWSDESK_KEY_DIR ?? join(homedir(), '.config', 'newsdesk');
}

/**
 * The web edition's vault: AES-256-GCM in `<dataDir>/portal-credentials.enc`, with a random key
 * in `<keyDir>/newsdesk-web-vault.key` (0600). Keeping the key outside the data dir means a copy
 * of the data dir (a backup, an export, a laptop's synced folder) does not carry a usable
 * password. It does not protect against someone who can read the user's home folder: that is
 * what the desktop app's OS keychain (safeStorage) is for.
 */
export class EncryptedFileVault implements CredentialVault {
  readonly kind = 'key-file' as const;
  private readonly file: string;
  private readonly keyFile: string;

  constructor(dataDir: string, keyDir: string = defaultKeyDir()) {
    const data = resolve(dataDir);
    const keys = resolve(keyDir);
    const inside = relative(data, keys);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
      // A key beside the ciphertext protects nothing.
      throw new NewsdeskError('VALIDATION', { reason: 'key-dir-inside-data-dir' });
    }
    this.file = join(data, VAULT_FILE);
    this.keyFile = join(keys, KEY_FILE);
  }

  async load(): Promise<PortalCredentials | null> {
    let sealed: Buffer;
    try {
      sealed = await readFile(this.file);
    } catch {
      return null;
    }
    const key = await this.readKey();
    if (!key || sealed.length < 1 + 12 + 16 || sealed[0] !== FORMAT) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
      decipher.setAuthTag(sealed.subarray(13, 29));
      const plain = Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
      const parsed = credentialsSchema.safeParse(JSON.parse(plain.toString('utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      // Wrong key (the key file was replaced) or a damaged file: the user signs in again.
      return null;
    }
  }

  async save(credentials: PortalCredentials): Promise<void> {
    const key = (await this.readKey()) ?? (await this.createKey());
    await mkdir(dirname(this.file), { recursive: true });
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(credentialsSchema.parse(credentials)), 'utf8'), cipher.final()]);
    await writeFileDurable(this.file, Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]));
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }

  private async readKey(): Promise<Buffer | null> {
    try {
      const key = await readFile(this.keyFile);
      return key.length === 32 ? key : null;
    } catch {
      return null;
    }
  }

  private async createKey(): Promise<Buffer> {
    await mkdir(dirname(this.keyFile), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    await writeFileDurable(this.keyFile, key);
    return key;
  }
}
