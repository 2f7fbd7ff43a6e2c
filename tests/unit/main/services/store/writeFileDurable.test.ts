import * as realFs from 'node:fs/promises';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewsdeskError } from '../../../../../src/shared/errors';
import { writeFileDurable } from '../../../../../src/main/services/store/writeFileDurable';
import { useTempDataDir } from './tempDataDir';

// ENOSPC, EROFS and EACCES cannot be produced for real here (tests run as root on a roomy disk),
// so node:fs/promises is wrapped: each fault is injected at one step of the real write, and
// everything else (the temp file, the rename, the leftovers) happens on the real disk.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open), rename: vi.fn(actual.rename) };
});

const openMock = vi.mocked(realFs.open);
const renameMock = vi.mocked(realFs.rename);
const newDataDir = useTempDataDir();

afterEach(() => {
  openMock.mockReset();
  renameMock.mockReset();
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** Opens for real, then fails the handle's write with `code` (a disk that fills up mid-write). */
async function failWritesWith(code: string): Promise<void> {
  const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
  openMock.mockImplementation(async (path, flags, mode) => {
    const handle = await actual.open(path, flags, mode);
    if (flags !== 'w') return handle;
    return new Proxy(handle, {
      get(target, prop, receiver) {
        if (prop === 'writeFile') return async () => Promise.reject(errno(code));
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  });
}

async function caught(promise: Promise<unknown>): Promise<NewsdeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NewsdeskError);
  return error as NewsdeskError;
}

describe('writeFileDurable', () => {
  it('writes a new file and replaces an existing one whole, leaving nothing else behind', async () => {
    const dir = await newDataDir();
    const file = join(dir, 'doc.json');
    await writeFileDurable(file, '{"v":1}');
    await writeFileDurable(file, '{"v":2,"title":"Cửa Lò"}');
    expect(await readFile(file, 'utf8')).toBe('{"v":2,"title":"Cửa Lò"}');
    expect(await readdir(dir)).toEqual(['doc.json']);
    // fsync of the file and then of its folder, before the promise resolves.
    expect(openMock.mock.calls.map((call) => call[1])).toEqual(['w', 'r', 'w', 'r']);
  });

  it.each([
    ['ENOSPC', 'STORAGE_FULL'],
    ['EDQUOT', 'STORAGE_FULL'],
    ['EROFS', 'STORAGE_READONLY'],
    ['EACCES', 'STORAGE_PERMISSION'],
    ['EIO', 'STORAGE_IO'],
  ])('maps %s during the write to %s, keeps the old content and removes the temp file', async (code, expected) => {
    const dir = await newDataDir();
    const file = join(dir, 'doc.json');
    await writeFile(file, 'old, whole');
    await failWritesWith(code);
    const error = await caught(writeFileDurable(file, 'new'));
    expect(error.code).toBe(expected);
    expect(error.details).toEqual({ file: 'doc.json', errno: code });
    expect(await readFile(file, 'utf8')).toBe('old, whole');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('maps EACCES when the temp file cannot even be created', async () => {
    const dir = await newDataDir();
    openMock.mockRejectedValueOnce(errno('EACCES'));
    const error = await caught(writeFileDurable(join(dir, 'doc.json'), 'x'));
    expect(error.code).toBe('STORAGE_PERMISSION');
    expect(await readdir(dir)).toEqual([]);
  });

  it('maps EROFS at the rename and removes the fully written temp file', async () => {
    const dir = await newDataDir();
    const file = join(dir, 'doc.json');
    await writeFile(file, 'old');
    renameMock.mockRejectedValueOnce(errno('EROFS'));
    const error = await caught(writeFileDurable(file, 'new'));
    expect(error.code).toBe('STORAGE_READONLY');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('reports a missing folder as STORAGE_IO without creating anything', async () => {
    const dir = await newDataDir();
    await mkdir(join(dir, 'present'));
    const error = await caught(writeFileDurable(join(dir, 'absent', 'doc.json'), 'x'));
    expect(error.code).toBe('STORAGE_IO');
    expect(error.details).toMatchObject({ errno: 'ENOENT' });
    expect(await readdir(dir)).toEqual(['present']);
  });

  it('never puts the full path in the error details (paths may name a user)', async () => {
    const dir = await newDataDir();
    const error = await caught(writeFileDurable(join(dir, 'absent', 'doc.json'), 'x'));
    expect(JSON.stringify(error.toPayload())).not.toContain(dir);
  });
});
