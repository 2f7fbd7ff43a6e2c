import type { LexicalEditor } from 'lexical';

/** Lexical's copy-on-write map (internal: `GenMap` in lexical/src/LexicalGenMap.ts). */
interface CopyOnWriteMap<K, V> extends Map<K, V> {
  init(old: Map<K, V> | undefined, nursery: undefined, size: number): CopyOnWriteMap<K, V>;
  clone(): CopyOnWriteMap<K, V>;
}
type CopyOnWriteMapClass = new () => CopyOnWriteMap<string, unknown>;

interface EditorInternals {
  _keyToDOMMap?: { constructor?: unknown };
}
interface EditorStateInternals {
  _nodeMap?: Map<string, unknown>;
}

/**
 * The class of Lexical's copy-on-write map, or null when this Lexical does not have one where
 * 0.52 keeps it (the editor's key-to-DOM map is one). The unit test fails if it is gone, so that
 * a Lexical upgrade cannot silently drop the optimisation below.
 */
export function copyOnWriteMapClass(editor: LexicalEditor): CopyOnWriteMapClass | null {
  const candidate = (editor as unknown as EditorInternals)._keyToDOMMap?.constructor;
  if (typeof candidate !== 'function' || candidate === Map) return null;
  const prototype = (candidate as { prototype?: Partial<CopyOnWriteMap<string, unknown>> }).prototype;
  if (typeof prototype?.init !== 'function' || typeof prototype.clone !== 'function') return null;
  return candidate as CopyOnWriteMapClass;
}

/**
 * Lexical copies the node map of the editor state at the start of every update, and a key press
 * runs about six (keydown, beforeinput, the markdown check, the selection change...). From 1,000
 * nodes on, Lexical makes that map copy-on-write, so a copy costs nothing; below, it copies every
 * entry. A 10,000-word article has about 360 nodes (a paragraph and its text), so each key press
 * copied them all six times over. This turns the committed state's map into Lexical's own
 * copy-on-write map whenever a plain one is installed (load, undo, redo); Lexical's updates keep
 * it that way, as they do for large documents. Reads cost one more lookup; measured with them, a
 * key press costs 0.2 ms less main-thread CPU (median, interleaved A/B on the bench article).
 */
export function registerCopyOnWriteNodeMap(editor: LexicalEditor): () => void {
  const CopyOnWrite = copyOnWriteMapClass(editor);
  if (CopyOnWrite === null) return () => {};
  const convert = () => {
    const state = editor.getEditorState() as unknown as EditorStateInternals;
    const map = state._nodeMap;
    if (map === undefined || map instanceof CopyOnWrite) return;
    state._nodeMap = new CopyOnWrite().init(new Map(map), undefined, map.size);
  };
  convert();
  return editor.registerUpdateListener(convert);
}
