import type { Klass, LexicalNode } from 'lexical';
import type { LexicalState } from '../../../../shared/model/Article';
import type { ForeignJson } from './UnknownNode';

/** Types every Lexical editor knows without registration. */
const CORE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab'];
const WRAPPER = 'newsdesk-unknown';

type Json = Record<string, unknown>;
const isNode = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as Json).type === 'string';

/**
 * Before Lexical parses a stored state: every node whose type the editor does not register becomes
 * an UnknownNode holding it verbatim (Lexical would otherwise refuse the whole state).
 */
export function wrapUnknownNodes(state: LexicalState, nodes: readonly Klass<LexicalNode>[]): LexicalState {
  const known = new Set([...CORE_TYPES, WRAPPER, ...nodes.map((node) => node.getType())]);
  const visit = (node: Json, parentIsRoot: boolean): Json => {
    if (!known.has(node.type as string)) {
      return { type: WRAPPER, version: 1, raw: node as ForeignJson, inline: !parentIsRoot };
    }
    if (!Array.isArray(node.children)) return node;
    const isRoot = node.type === 'root';
    return { ...node, children: node.children.map((child) => (isNode(child) ? visit(child, isRoot) : child)) };
  };
  return { ...state, root: visit(state.root as Json, false) } as LexicalState;
}

/** Before saving: every UnknownNode gives back the node it held, so nothing written by a newer version is lost. */
export function unwrapUnknownNodes(state: LexicalState): LexicalState {
  const visit = (node: Json): Json => {
    if (node.type === WRAPPER && isNode(node.raw)) return node.raw;
    if (!Array.isArray(node.children)) return node;
    return { ...node, children: node.children.map((child) => (isNode(child) ? visit(child) : child)) };
  };
  return { ...state, root: visit(state.root as Json) } as LexicalState;
}
