import { DomUtils, parseDocument } from 'htmlparser2';
import type { Problem } from '../model/index.ts';

/** The feeds of an OPML subscription list. */
export interface OpmlFeeds {
  /** Feed URLs (`xmlUrl` of every outline), in document order, each once. */
  feeds: string[];
  problems: Problem[];
}

/**
 * Read the feed URLs of an OPML file (the subscription list feed readers
 * export): every `<outline xmlUrl="…">`, nested folders included. A file
 * that is not OPML, or an outline whose URL is not http(s), becomes a
 * problem. Pure.
 *
 * @example parseOpml('<opml><body><outline xmlUrl="https://example.org/feed"/></body></opml>', 'subs.opml').feeds
 * // => ['https://example.org/feed']
 */
export function parseOpml(xml: string, location: string): OpmlFeeds {
  if (typeof xml !== 'string') throw new TypeError(`Expected OPML text, got ${typeof xml}`);
  const document = parseDocument(xml, { xmlMode: true });
  // The root element: the first child that is a tag (those carry `name` and `attribs`).
  const root = DomUtils.getElementsByTagName(() => true, document.children, false, 1)[0];
  const problems: Problem[] = [];
  if (root?.name.toLowerCase() !== 'opml') {
    const found = root ? `its root element is <${root.name}>` : 'it holds no XML element';
    problems.push({
      code: 'watch/bad-opml',
      message: `Not an OPML subscription list: ${found}. Name feed URLs or an .opml file.`,
      source: location,
      severity: 'error',
    });
    return { feeds: [], problems };
  }
  const feeds: string[] = [];
  const seen = new Set<string>();
  for (const outline of DomUtils.getElementsByTagName(
    (name) => name.toLowerCase() === 'outline',
    root,
    true,
  )) {
    const attrs = outline.attribs;
    const url = (attrs.xmlUrl ?? attrs.xmlurl ?? '').trim();
    if (url === '') continue;
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) {
      problems.push({
        code: 'watch/bad-feed-url',
        message: `The outline "${attrs.text ?? attrs.title ?? ''}" has the feed URL ${url}, which is not an http(s) URL; it is skipped.`,
        source: location,
        severity: 'warning',
      });
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    feeds.push(url);
  }
  if (feeds.length === 0) {
    problems.push({
      code: 'watch/no-feeds',
      message: 'The OPML file lists no feed (no outline with an xmlUrl).',
      source: location,
      severity: 'error',
    });
  }
  return { feeds, problems };
}
