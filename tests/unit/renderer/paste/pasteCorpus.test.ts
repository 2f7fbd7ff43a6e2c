// @vitest-environment jsdom
import { headlessEditor } from '../../headlessEditor';
import { LinkNode } from '@lexical/link';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot } from 'lexical';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodesFromPastedBody } from './pasteHarness';
import { sanitizePastedHtml } from '../../../../src/renderer/editor/paste/sanitizePastedHtml';
import { lexicalToCleanHtml } from '../../../../src/shared/content/lexicalToCleanHtml';
import type { LexicalState } from '../../../../src/shared/model/Article';

// jsdom replaces the global URL, which node:fs refuses: work with plain paths.
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/paste');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  { expected: string; droppedImages: number | null }
>;
const samples = readdirSync(dir).filter((name) => name.endsWith('.html'));

/** The whole paste path but the clipboard: sanitise, Lexical's DOM import, the stored JSON. */
function paste(html: string): { json: LexicalState; droppedImages: number } {
  const editor = headlessEditor([HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode]);
  const { body, droppedImages } = sanitizePastedHtml(html);
  editor.update(() => $getRoot().clear().append(...nodesFromPastedBody(editor, body)), { discrete: true });
  return { json: editor.getEditorState().toJSON() as unknown as LexicalState, droppedImages };
}

describe('paste corpus', () => {
  it('has at least 20 samples, each with an expectation', () => {
    expect(samples.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(expected).sort()).toEqual([...samples].sort());
  });

  for (const name of samples) {
    it(name, () => {
      const { json, droppedImages } = paste(readFileSync(join(dir, name), 'utf8'));
      const spec = expected[name]!;
      expect(lexicalToCleanHtml(json)).toBe(spec.expected);
      if (spec.droppedImages !== null) expect(droppedImages).toBe(spec.droppedImages);
      const stored = JSON.stringify(json);
      expect(stored).toBe(stored.normalize('NFC'));
      expect(stored).not.toMatch(/javascript:|vbscript:|data:|onerror|onclick|onload|alert\(|<script|style=|class=|font-family|mso-/i);
    });
  }
});
