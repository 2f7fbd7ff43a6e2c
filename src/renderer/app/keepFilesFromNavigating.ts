/**
 * A file dropped anywhere but the article body would make the browser open it in place of the app
 * (the web edition; the desktop host blocks navigation itself). The body's own drop handling runs
 * first and cancels the events it takes; this only cancels file drags nobody took. Text drags are
 * left alone, so dropping text into the title or a caption still works. Returns the cleanup.
 */
export function keepFilesFromNavigating(target: Window = window): () => void {
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  const onDrop = (event: DragEvent) => {
    if (carriesFiles(event) && !event.defaultPrevented) event.preventDefault();
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}
