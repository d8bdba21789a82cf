/**
 * The small part of the DOM that html extraction touches, typed
 * structurally: the project compiles without the `dom` lib, and linkedom's
 * own typings are loose. Node types follow the DOM spec.
 */

/** `Node.ELEMENT_NODE`. */
export const ELEMENT_NODE = 1;
/** `Node.TEXT_NODE`. */
export const TEXT_NODE = 3;

/** Any DOM node. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  textContent: string | null;
}

/** A text node. */
export interface DomText extends DomNode {
  data: string;
}

/** An element. */
export interface DomElement extends DomNode {
  readonly localName: string;
  readonly tagName: string;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

/** A document. */
export interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

/** True when the node is an element. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** True when the node is a text node. */
export function isText(node: DomNode): node is DomText {
  return node.nodeType === TEXT_NODE;
}
