import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../../src/main/electron/menu';

// `electron` is MOCKED (./electronMock.ts): no Electron binary can run here.
vi.mock('electron', () => import('./electronMock'));

describe('menuTemplate', () => {
  it('has no menu on Windows and Linux: nothing binds reload or DevTools keys', () => {
    expect(menuTemplate('linux')).toBeNull();
    expect(menuTemplate('win32')).toBeNull();
  });

  it('keeps on macOS only the roles Cmd+C/V/X/A/Z need, and nothing that reloads', () => {
    const template = menuTemplate('darwin');
    expect(template).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]);
    expect(JSON.stringify(template)).not.toMatch(/reload|toggleDevTools|viewMenu/i);
  });
});
