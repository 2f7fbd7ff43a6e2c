import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol, resetElectronMock } from './electronMock';
import { registerAppScheme, serveRenderer } from '../../../../src/main/electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../src/shared/contentSecurityPolicy';

// `electron` is MOCKED (./electronMock.ts): no Electron binary can run here.
vi.mock('electron', () => import('./electronMock'));

let root: string;

beforeEach(async () => {
  resetElectronMock();
  root = await mkdtemp(join(tmpdir(), 'newsdesk-protocol-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Newsdesk</title>');
  await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'void 0');
  await writeFile(join(root, 'secret.txt'), 'SECRET');
  await mkdir(join(root, 'renderer-private'));
  await writeFile(join(root, 'renderer-private', 'x.txt'), 'SECRET');
  serveRenderer(join(root, 'renderer'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function fetchApp(url: string): Promise<Response> {
  const handle = protocol.handlers.get('newsdesk');
  if (!handle) throw new Error('no protocol handler registered for newsdesk:');
  return handle(new Request(url));
}

describe('the newsdesk:// protocol', () => {
  it('registers the scheme as standard and secure (so it gets an origin and a CSP applies)', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'newsdesk', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('serves index.html and assets with the CSP as a response header', async () => {
    for (const url of ['newsdesk://app/', 'newsdesk://app/index.html']) {
      const response = await fetchApp(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Newsdesk</title>');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const script = await fetchApp('newsdesk://app/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps a CSP without inline or eval script', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it.each([
    ['newsdesk://app/..%2Fsecret.txt'],
    ['newsdesk://app/..%2F..%2Fsecret.txt'],
    ['newsdesk://app/assets/..%2F..%2Fsecret.txt'],
    ['newsdesk://app/..%2Frenderer-private%2Fx.txt'],
    ['newsdesk://app/%2e%2e/secret.txt'],
    ['newsdesk://app/%E0%A4%A'],
    ['newsdesk://app/assets'],
    ['newsdesk://app/missing.js'],
    ['newsdesk://other/index.html'],
  ])('refuses %s with 404', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });
});
