import type { DomDocument, DomElement, DomNode } from './dom.ts';
import { isElement } from './dom.ts';

/** The elements page metadata is read from, found in one walk over the document. */
export interface MetadataElements {
  metas: DomElement[];
  title: DomElement | null;
  /** `href` of the first `<link rel="canonical">`. */
  canonical: string | null;
  /** Bodies of `<script type="application/ld+json">`, in page order. */
  jsonLd: string[];
  firstH1: DomElement | null;
  /** `datetime` or `content` of the first `[itemprop="datePublished"]`. */
  itempropDate: string | null;
  /** `datetime` of the first `<time pubdate>`. */
  pubdateTime: string | null;
  /** `datetime` of the first `<time datetime>`. */
  firstTime: string | null;
}

const attr = (el: DomElement, name: string): string | null => {
  const v = el.getAttribute(name)?.trim();
  return v ? v : null;
};

/**
 * Walk the document once and pick out what metadata is read from. One walk
 * instead of a `querySelector` per item: on linkedom each selector query
 * scans the whole tree (measured: 6.5 -> 2 ms per page on the benchmark).
 */
export function findMetadataElements(document: DomDocument): MetadataElements {
  const out: MetadataElements = {
    metas: [],
    title: null,
    canonical: null,
    jsonLd: [],
    firstH1: null,
    itempropDate: null,
    pubdateTime: null,
    firstTime: null,
  };
  const stack: DomNode[] = [document.documentElement];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined || !isElement(node)) continue;
    const name = node.localName;
    if (name === 'meta') out.metas.push(node);
    else if (name === 'title') out.title ??= node;
    else if (name === 'link') {
      if (out.canonical === null && attr(node, 'rel')?.toLowerCase() === 'canonical') {
        out.canonical = attr(node, 'href');
      }
    } else if (name === 'script') {
      if (attr(node, 'type')?.toLowerCase() === 'application/ld+json') {
        out.jsonLd.push(node.textContent ?? '');
      }
      continue;
    } else if (name === 'h1') out.firstH1 ??= node;
    else if (name === 'time') {
      const datetime = attr(node, 'datetime');
      if (datetime !== null) {
        out.firstTime ??= datetime;
        if (out.pubdateTime === null && node.hasAttribute('pubdate')) out.pubdateTime = datetime;
      }
    }
    if (out.itempropDate === null && attr(node, 'itemprop') === 'datePublished') {
      out.itempropDate = attr(node, 'datetime') ?? attr(node, 'content');
    }
    const children = node.childNodes;
    // Push in reverse so the walk visits children in page order.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined && child.nodeType === 1) stack.push(child);
    }
  }
  return out;
}
