import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, type NewsdeskApp } from '../../../src/main/app';
import { deferApp } from '../../../src/main/deferApp';
import { ArticleStore } from '../../../src/main/services/store/ArticleStore';
import { nodeFileSystem, type FileSystem } from '../../../src/main/services/store/FileSystem';
import { NewsdeskError } from '../../../src/shared/errors';
import { useTempDataDir } from './services/store/tempDataDir';

const newDataDir = useTempDataDir();

describe('deferApp', () => {
  it('holds calls made while the app opens and answers them once it is open', async () => {
    const dataDir = await newDataDir();
    const seed = await ArticleStore.open(dataDir);
    await seed.create({ title: 'Cửa Lò mở cửa đón khách' });
    await seed.close();

    let open!: (app: NewsdeskApp) => void;
    const opening = new Promise<NewsdeskApp>((resolve) => {
      open = resolve;
    });
    const endpoint = deferApp(opening);
    const events: string[] = [];
    endpoint.subscribe((event) => events.push(event));
    let answered = false;
    const listed = endpoint.invoke('articles.list', {}).then((result) => {
      answered = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(answered).toBe(false);

    const app = await createApp({ dataDir, host: 'web', version: '0.0.0-test' });
    try {
      open(app);
      const result = await listed;
      expect(result.ok && result.value).toMatchObject([{ title: 'Cửa Lò mở cửa đón khách' }]);
      // Subscribed before the app existed: its events still arrive.
      await endpoint.invoke('articles.create', { title: 'Nghệ An' });
      expect(events).toContain('articles.changed');
    } finally {
      await app.close();
    }
  });

  it('answers STORAGE_IO, never hangs, when the app fails to open; an unsubscribe before that is harmless', async () => {
    const endpoint = deferApp(Promise.reject(new NewsdeskError('STORAGE_PERMISSION', {})));
    const unsubscribe = endpoint.subscribe(() => undefined);
    unsubscribe();
    await expect(endpoint.invoke('articles.list', {})).resolves.toEqual({ ok: false, error: { code: 'STORAGE_IO' } });
  });
});

describe('ArticleStore.open lists articles/ once', () => {
  it('sweeps temp files and finds articles missing from the index with one readdir', async () => {
    const dataDir = await newDataDir();
    const seed = await ArticleStore.open(dataDir);
    const article = await seed.create({ title: 'Thông tin' });
    await seed.close();
    await writeFile(join(dataDir, 'index.json'), 'damaged');
    await writeFile(join(dataDir, 'articles', 'leftover.json.123.tmp'), '{');
    const listed: string[] = [];
    const fs: FileSystem = {
      ...nodeFileSystem,
      readdir: (dir) => {
        listed.push(dir);
        return nodeFileSystem.readdir(dir);
      },
    };
    const store = await ArticleStore.open(dataDir, { fs });
    try {
      expect(store.list().map((s) => s.id)).toEqual([article.id]);
      expect(listed.filter((dir) => dir === join(dataDir, 'articles'))).toHaveLength(1);
      expect((await nodeFileSystem.readdir(join(dataDir, 'articles'))).some((n) => n.includes('.tmp'))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('fails with a storage error, not an unhandled rejection, when articles/ cannot be listed', async () => {
    const dataDir = await newDataDir();
    await mkdir(join(dataDir, 'articles'), { recursive: true });
    await chmod(join(dataDir, 'articles'), 0o700);
    const fs: FileSystem = {
      ...nodeFileSystem,
      readdir: async (dir) => {
        const error = Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' });
        throw error;
      },
    };
    const error = await ArticleStore.open(dataDir, { fs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('STORAGE_PERMISSION');
  });
});
