import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/contentSecurityPolicy';
import { serveRenderer } from '../../../src/main/electron/protocol';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { protocol, resetElectronMock } from '../main/electron/electronMock';

// `electron` is MOCKED (../main/electron/electronMock.ts) for the desktop host's protocol handler;
// the web edition's server is real, on loopback.
vi.mock('electron', () => import('../main/electron/electronMock'));

const CSP_DIRECTIVE = /\b(default-src|script-src|style-src|img-src|connect-src|object-src|frame-ancestors)\b/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|mjs|js|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

let root: string;
let server: WebServer;

beforeAll(async () => {
  resetElectronMock();
  root = await mkdtemp(join(tmpdir(), 'newsdesk-csp-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'void 0');
  serveRenderer(root);
  const app = {
    invoke: async () => ({ ok: true as const, value: null }),
    subscribe: () => () => undefined,
    uploadPhoto: async () => ({ ok: true as const, value: null }),
  };
  server = await startWebServer({ app, rendererDir: root, token: 'csp-test-token' });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

function webHeader(path: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers['content-security-policy'] as string | undefined));
    });
    req.on('error', reject);
    req.end();
  });
}

async function desktopHeader(url: string): Promise<string | null> {
  const handle = protocol.handlers.get('newsdesk');
  if (!handle) throw new Error('no protocol handler registered for newsdesk:');
  return (await handle(new Request(url))).headers.get('content-security-policy');
}

describe('one Content-Security-Policy', () => {
  it('index.html carries no meta copy of it', async () => {
    const html = await readFile('src/renderer/index.html', 'utf8');
    expect(html).not.toMatch(/http-equiv\s*=\s*["']?content-security-policy/i);
    expect(html).not.toMatch(CSP_DIRECTIVE);
  });

  it('no other source file spells out a directive (it is declared once, in src/shared/contentSecurityPolicy.ts)', async () => {
    const files = [...(await sourceFiles('src')), ...(await sourceFiles('scripts')), 'vite.config.ts'];
    const offenders: string[] = [];
    for (const file of files) {
      if (relative('.', file) === join('src', 'shared', 'contentSecurityPolicy.ts')) continue;
      const text = await readFile(file, 'utf8');
      // A comment may name the module; a quoted directive is a second declaration.
      if (/["'`][^"'`\n]*\b(default-src|script-src|frame-ancestors)\b/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('the desktop protocol and the web edition send exactly it, on the page and on every asset', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      expect(await webHeader(path), path).toBe(CONTENT_SECURITY_POLICY);
      expect(await desktopHeader(`newsdesk://app${path}`), path).toBe(CONTENT_SECURITY_POLICY);
    }
    // Refusals too: a 404 page or an API error is a document a browser could render.
    expect(await webHeader('/no-such-file')).toBe(CONTENT_SECURITY_POLICY);
    expect(await webHeader('/api/app.info')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is strict where it matters: no inline or eval script, no plugins, no framing, no foreign hosts', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    for (const values of directives.values()) {
      for (const value of values) expect(value, 'no foreign host or scheme wildcard').not.toMatch(/^(https?:|\*|ws)/);
    }
  });
});
