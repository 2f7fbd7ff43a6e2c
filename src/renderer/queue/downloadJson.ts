/** Hands a value to the user as a .json file: a download in the browser, a save dialog in Electron. */
export function downloadJson(value: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by now; a little later it is safe to let go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
