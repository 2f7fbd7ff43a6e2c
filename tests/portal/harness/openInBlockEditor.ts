import type { Page } from '@playwright/test';
import type { WordPress } from './startWordPress';

/**
 * Opens a post in wp-admin's block editor (post.php?post=ID&action=edit) in a page already signed
 * in, and resolves once the editor has parsed the post into blocks: from then on
 * `wp.data.select('core/block-editor')` is the editor's own state of that post.
 */
export async function openInBlockEditor(page: Page, wp: WordPress, postId: number): Promise<void> {
  await page.goto(`${wp.baseUrl}/wp-admin/post.php?post=${postId}&action=edit`);
  await page.waitForFunction(
    (id) => {
      const data = (window as unknown as { wp?: { data?: { select(store: string): Record<string, () => unknown> } } }).wp?.data;
      if (!data) return false;
      return data.select('core/editor').getCurrentPostId!() === id && ((data.select('core/block-editor').getBlocks!() as unknown[]).length ?? 0) > 0;
    },
    postId,
    { timeout: 60_000 },
  );
}
