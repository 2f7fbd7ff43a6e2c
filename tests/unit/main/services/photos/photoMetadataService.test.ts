// The ExifTool process's life: started on first use, ended by close(), never left behind to keep
// a host or a test worker from exiting.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoMetadataService } from '../../../../../src/main/services/photos/PhotoMetadataService';
import { halvesJpeg } from './debianExiftool';

const run = promisify(execFile);
const SERVICE = resolve(import.meta.dirname, '../../../../../src/main/services/photos/PhotoMetadataService.ts');

/** Pids of the ExifTool (perl) processes whose parent is `parent`. */
function exiftoolChildren(parent: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when there are none.
  }
  return out
    .split('\n')
    .filter((line) => line.includes('exiftool'))
    .map((line) => Number.parseInt(line.trim(), 10));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'newsdesk-photoservice-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('PhotoMetadataService lifecycle', () => {
  it('starts no process until it is used, and close() before any use is safe, twice', async () => {
    const photos = new PhotoMetadataService({ tempRoot: root });
    expect(exiftoolChildren(process.pid)).toEqual([]);
    await photos.close();
    await photos.close();
    expect(exiftoolChildren(process.pid)).toEqual([]);
  });

  it('keeps one ExifTool process across calls; close() ends it, removes its temp dir and refuses calls after', async () => {
    const photos = new PhotoMetadataService({ tempRoot: root });
    const jpeg = await halvesJpeg(400, 200);
    await photos.readPhotoMetadata(jpeg);
    const pids = exiftoolChildren(process.pid);
    expect(pids).toHaveLength(1);
    await photos.readPhotoMetadata(jpeg);
    const metadata = await photos.readPhotoMetadata(jpeg);
    await photos.writePortalRendition(jpeg, metadata);
    expect(exiftoolChildren(process.pid)).toEqual(pids);
    expect(readdirSync(root)).toHaveLength(1);

    await photos.close();
    expect(pids.filter(alive)).toEqual([]);
    expect(readdirSync(root)).toEqual([]);
    await expect(photos.readPhotoMetadata(jpeg)).rejects.toMatchObject({ code: 'INTERNAL', details: { reason: 'photo-metadata-closed' } });
    await expect(photos.writePortalRendition(jpeg, metadata)).rejects.toMatchObject({ code: 'INTERNAL', details: { reason: 'photo-metadata-closed' } });
  });

  it('close() still ends an ExifTool that does not answer (stopped)', async () => {
    const photos = new PhotoMetadataService({ tempRoot: root });
    await photos.readPhotoMetadata(await halvesJpeg(40, 20));
    const [pid] = exiftoolChildren(process.pid);
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGSTOP'); // Ours, started by this test's service: it can no longer read its "quit".
    const started = Date.now();
    await photos.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    // A killed child stays a zombie until its parent reaps it: wait for that, not a fixed time.
    await expect.poll(() => alive(pid!), { timeout: 10_000 }).toBe(false);
  });

  it('lets a Node process that used it exit on its own once closed, with no ExifTool left running', async () => {
    const photo = join(root, 'anh.jpg');
    writeFileSync(photo, await halvesJpeg(400, 200));
    const script = join(root, 'useAndClose.mts');
    writeFileSync(
      script,
      [
        `import { execFileSync } from 'node:child_process';`,
        `import { PhotoMetadataService } from ${JSON.stringify(SERVICE)};`,
        `const photos = new PhotoMetadataService({ tempRoot: ${JSON.stringify(root)} });`,
        `const metadata = await photos.readPhotoMetadata(${JSON.stringify(photo)});`,
        `const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });`,
        `console.log(JSON.stringify({ width: metadata.width, children }));`,
        `await photos.close();`,
      ].join('\n'),
    );
    // The timeout is the test: a handle left open would keep the child alive until it is killed.
    const started = Date.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: resolve(import.meta.dirname, '../../../../..'), timeout: 20_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { width: number; children: string };
    expect(report.width).toBe(400);
    const pids = report.children
      .split('\n')
      .filter((line) => line.includes('exiftool'))
      .map((line) => Number.parseInt(line.trim(), 10));
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
