import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileVault, VAULT_FILE } from '../../../../../src/main/services/portal/EncryptedFileVault';

let root: string;
const credentials = { siteUrl: 'https://cualo.nghean.gov.vn', username: 'phongvien', appPassword: 'abcd EFGH ijkl MNOP qrst UVWX' };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'nd-vault-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('EncryptedFileVault', () => {
  it('round-trips, and the data dir holds no readable password or user name', async () => {
    const vault = new EncryptedFileVault(join(root, 'data'), join(root, 'keys'));
    await vault.save(credentials);
    expect(await new EncryptedFileVault(join(root, 'data'), join(root, 'keys')).load()).toEqual(credentials);
    const sealed = await readFile(join(root, 'data', VAULT_FILE));
    expect(sealed.includes(Buffer.from('abcd EFGH'))).toBe(false);
    expect(sealed.includes(Buffer.from('phongvien'))).toBe(false);
    expect((await stat(join(root, 'data', VAULT_FILE))).mode & 0o077).toBe(0);
  });

  it('refuses a key folder inside the data dir', () => {
    expect(() => new EncryptedFileVault(join(root, 'data'), join(root, 'data', 'keys'))).toThrow(/VALIDATION/);
    expect(() => new EncryptedFileVault(join(root, 'data'), join(root, 'data'))).toThrow(/VALIDATION/);
  });

  it('a copied data dir without its key, or a tampered file, reads as signed out', async () => {
    const vault = new EncryptedFileVault(join(root, 'data'), join(root, 'keys'));
    await vault.save(credentials);
    expect(await new EncryptedFileVault(join(root, 'data'), join(root, 'other-keys')).load()).toBeNull();
    const file = join(root, 'data', VAULT_FILE);
    const sealed = await readFile(file);
    sealed[sealed.length - 1] = sealed[sealed.length - 1]! ^ 1;
    await writeFile(file, sealed);
    expect(await vault.load()).toBeNull();
  });

  it('clear forgets the password', async () => {
    const vault = new EncryptedFileVault(join(root, 'data'), join(root, 'keys'));
    await vault.save(credentials);
    await vault.clear();
    expect(await vault.load()).toBeNull();
  });
});
