import * as fsp from 'node:fs/promises';

/** The part of an open file the store uses: write it whole, fsync, close. */
export interface FileHandleLike {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every file-system call the store and history make, behind one small interface. Production uses
 * node:fs/promises; tests pass a FaultInjectingFileSystem to produce ENOSPC, EROFS and EACCES,
 * which cannot be produced for real here (root ignores permissions, and filling a disk is rude).
 */
export interface FileSystem {
  readFile(file: string): Promise<string>;
  /** The raw bytes: the index snapshot is hashed as stored, without decoding and re-encoding it. */
  readBytes(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: string): Promise<void>;
  appendFile(file: string, data: string): Promise<void>;
  open(file: string, flags: 'r' | 'w'): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
}

export const nodeFileSystem: FileSystem = {
  readFile: (file) => fsp.readFile(file, 'utf8'),
  readBytes: (file) => fsp.readFile(file),
  writeFile: (file, data) => fsp.writeFile(file, data, 'utf8'),
  appendFile: (file, data) => fsp.appendFile(file, data, 'utf8'),
  // Owner-only: articles are unpublished work and may hold sources' names.
  open: (file, flags) => fsp.open(file, flags, 0o600),
  rename: (from, to) => fsp.rename(from, to),
  rm: (path, options) => fsp.rm(path, options),
  mkdir: async (dir) => {
    await fsp.mkdir(dir, { recursive: true });
  },
  readdir: (dir) => fsp.readdir(dir),
};

export function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
