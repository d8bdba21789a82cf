import { decodeEntities } from './decode-entities.ts';
import type { DomElement } from './dom.ts';
import { normalizeSpace } from './normalize-space.ts';

/** `<meta>` contents by lowercased `name`/`property`/`itemprop`/`http-equiv`, in page order. */
export type MetaTags = ReadonlyMap<string, readonly string[]>;

/** Read the `<meta>` elements that have a key and a non-empty `content`. */
export function readMetaTags(metas: readonly DomElement[]): MetaTags {
  const out = new Map<string, string[]>();
  for (const meta of metas) {
    const raw = meta.getAttribute('content');
    const content = raw ? normalizeSpace(decodeEntities(raw)) : '';
    if (content === '') continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = out.get(key);
      if (list) list.push(content);
      else out.set(key, [content]);
    }
  }
  return out;
}

/** The first value of the first key that has one. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key)?.[0];
    if (value !== undefined) return value;
  }
  return null;
}
