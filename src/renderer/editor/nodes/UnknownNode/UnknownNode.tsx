import {
  DecoratorNode,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { ReactElement } from 'react';
import { plainTextOf } from '../../../../shared/content/plainTextOf';
import { UnknownView } from './UnknownView';

/** The original serialized node, exactly as a newer Newsdesk wrote it. */
export type ForeignJson = { type: string } & Record<string, unknown>;

export type SerializedUnknownNode = Spread<
  { type: 'newsdesk-unknown'; version: 1; raw: ForeignJson; inline: boolean },
  SerializedLexicalNode
>;

/**
 * Holds a node of a type this version does not know (written by a newer Newsdesk), so the article
 * loads instead of crashing and the node survives a save untouched. Shown as a locked block (or
 * chip, inside text). wrapUnknownNodes puts it in on load; unwrapUnknownNodes takes it out on save.
 */
export class UnknownNode extends DecoratorNode<ReactElement> {
  __raw: ForeignJson;
  __inline: boolean;

  static override getType(): string {
    return 'newsdesk-unknown';
  }
  static override clone(node: UnknownNode): UnknownNode {
    return new UnknownNode(node.__raw, node.__inline, node.__key);
  }
  static override importJSON(json: SerializedUnknownNode): UnknownNode {
    return $createUnknownNode(json.raw, json.inline);
  }

  constructor(raw: ForeignJson, inline: boolean, key?: NodeKey) {
    super(key);
    this.__raw = raw;
    this.__inline = inline;
  }

  override exportJSON(): SerializedUnknownNode {
    return { type: 'newsdesk-unknown', version: 1, raw: this.__raw, inline: this.__inline };
  }
  override createDOM(): HTMLElement {
    const element = document.createElement(this.__inline ? 'span' : 'div');
    element.className = this.__inline ? 'nd-unknown nd-unknown-inline' : 'nd-unknown';
    element.contentEditable = 'false';
    return element;
  }
  override updateDOM(): false {
    return false;
  }
  override isInline(): boolean {
    return this.__inline;
  }
  override isIsolated(): boolean {
    return !this.__inline;
  }
  /** Its text still counts and is found by search, as plainTextOf does for stored JSON. */
  override getTextContent(): string {
    return plainTextOf({ root: { type: 'root', children: [this.__raw] } });
  }
  override decorate(): ReactElement {
    return <UnknownView type={this.__raw.type} text={this.getTextContent()} inline={this.__inline} />;
  }
}

export function $createUnknownNode(raw: ForeignJson, inline: boolean): UnknownNode {
  return new UnknownNode(raw, inline);
}

export function $isUnknownNode(node: LexicalNode | null | undefined): node is UnknownNode {
  return node instanceof UnknownNode;
}
