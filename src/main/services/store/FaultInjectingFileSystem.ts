import { readFileSync } from 'node:fs';
import { nodeFileSystem, type FileHandleLike, type FileSystem } from './FileSystem';

/** The errors a storage fault can simulate: disk full, read-only folder, permission denied, I/O. */
export type FaultErrno = 'ENOSPC' | 'EROFS' | 'EACCES' | 'EIO';
const FAULT_ERRNOS: readonly string[] = ['ENOSPC', 'EROFS', 'EACCES', 'EIO'];

/** Decides, for each write-like call, whether it fails and how. */
export type FaultPlan = (op: WriteOp, path: string) => FaultErrno | null;
export type WriteOp = 'open' | 'write' | 'writeFile' | 'appendFile' | 'rename' | 'mkdir';

/**
 * Wraps a FileSystem so that writes fail on demand with a real-looking errno error. Reads, readdir
 * and rm never fail: a full disk still reads, and removing a temp file is how a writer cleans up.
 */
export class FaultInjectingFileSystem implements FileSystem {
  constructor(
    private readonly plan: FaultPlan,
    private readonly base: FileSystem = nodeFileSystem,
  ) {}

  readFile(file: string): Promise<string> {
    return this.base.readFile(file);
  }
  readBytes(file: string): Promise<Uint8Array> {
    return this.base.readBytes(file);
  }
  readdir(dir: string): Promise<string[]> {
    return this.base.readdir(dir);
  }
  rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void> {
    return this.base.rm(path, options);
  }
  async writeFile(file: string, data: string): Promise<void> {
    this.check('writeFile', file);
    return this.base.writeFile(file, data);
  }
  async appendFile(file: string, data: string): Promise<void> {
    this.check('appendFile', file);
    return this.base.appendFile(file, data);
  }
  async rename(from: string, to: string): Promise<void> {
    this.check('rename', to);
    return this.base.rename(from, to);
  }
  async mkdir(dir: string): Promise<void> {
    this.check('mkdir', dir);
    return this.base.mkdir(dir);
  }
  async open(file: string, flags: 'r' | 'w'): Promise<FileHandleLike> {
    if (flags === 'r') return this.base.open(file, flags);
    this.check('open', file);
    const handle = await this.base.open(file, flags);
    // ENOSPC shows up when data is written, after the temp file was created: the writer must
    // clean that file up, so the fault is raised here rather than at open.
    return {
      writeFile: async (data) => {
        this.check('write', file);
        return handle.writeFile(data);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  }

  private check(op: WriteOp, path: string): void {
    const errno = this.plan(op, path);
    if (errno) throw errnoError(errno, op, path);
  }
}

export function errnoError(errno: FaultErrno, syscall: string, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${errno}: injected fault, ${syscall} '${path}'`);
  error.code = errno;
  error.syscall = syscall;
  error.path = path;
  return error;
}

/** The file the test-only switch reads; see `faultsFromFile`. */
export const FAULTS_FILE = '.faults.json';

/**
 * TEST ONLY. A plan read from `<dataDir>/.faults.json` on every write, e.g. `{"failWrites":"ENOSPC"}`:
 * while the file says so, every write fails with that errno; delete the file (or write `{}`) to
 * heal. Only the test-only web host bundle wires it in (src/main/web/faultInjectingMain.ts →
 * dist/test/web/faults.js); what users run does not contain it, so a stray .faults.json does
 * nothing in normal use. Read synchronously because it is a tiny file on a test machine.
 */
export function faultsFromFile(file: string): FaultPlan {
  return (op) => {
    // mkdir -p of a folder that exists succeeds even on a full disk; failing it would test nothing real.
    if (op === 'mkdir') return null;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    try {
      const value = (JSON.parse(text) as { failWrites?: unknown }).failWrites;
      return typeof value === 'string' && FAULT_ERRNOS.includes(value) ? (value as FaultErrno) : null;
    } catch {
      return null;
    }
  };
}
