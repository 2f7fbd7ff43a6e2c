import type { PortalCredentials } from './Portal';

/**
 * Where the portal's application password is kept, apart from every setting. The desktop host
 * passes one backed by Electron's safeStorage (the OS keychain's key); the web edition and tests
 * use EncryptedFileVault, whose key lives outside the data dir (weaker: see docs/sync.md).
 * Implementations never log, and never put a credential in an error.
 */
export interface CredentialVault {
  /** null when nothing is stored, or when what is stored can no longer be decrypted. */
  load(): Promise<PortalCredentials | null>;
  save(credentials: PortalCredentials): Promise<void>;
  clear(): Promise<void>;
  /** For the account screen: 'os-keychain' (safeStorage) or 'key-file' (web edition). */
  readonly kind: 'os-keychain' | 'key-file';
}
