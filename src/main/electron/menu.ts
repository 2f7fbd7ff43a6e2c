import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, or none. Electron's default menu binds Ctrl/Cmd+R and Ctrl/Cmd+Shift+R
 * to reload (Ctrl/Cmd+Shift+R is also the editor's "align right") and opens DevTools on
 * Ctrl+Shift+I: a writer must never reload the editor by accident. Windows and Linux need no menu
 * for copy, paste or undo (Chromium handles those keys in the page). macOS needs the Edit menu's
 * roles for Cmd+C/V/X/A/Z to reach the page at all; its Undo arrives in the page as a
 * `historyUndo` input, which Lexical turns into its own undo.
 */
export function menuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}

export function applyApplicationMenu(platform: NodeJS.Platform = process.platform): void {
  const template = menuTemplate(platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
}
