import { DomUtils, parseDocument } from 'htmlparser2';
import type { Problem, Source, SourceFormat } from '../model/index.ts';
import type { FeedContext, FeedEntry } from './feed-item.ts';
import { feedItemSource } from './feed-item.ts';
import type { IngestResult } from './ingest-result.ts';
import { MAX_FEED_DEPTH } from './limits.ts';
import { looksLikeHtml, plainText } from './plain-text.ts';
import { problem } from './problem.ts';
import { scanFeed } from './scan-feed.ts';

// htmlparser2 parses the XML (leniently, so a damaged feed still yields its items) and its DomUtils
// query it. Its own `getFeed` is not used: it drops content:encoded, dc:creator, Atom authors,
// `published` and XHTML content, all of which a news feed needs.

/** An element node of htmlparser2's DOM (its `domhandler` dependency is not ours to import). */
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

function isElement(node: unknown): node is Element {
  return (
    typeof node === 'object' &&
    node !== null &&
    'name' in node &&
    'attribs' in node &&
    'children' in node
  );
}

function elements(parent: Element, name: string): Element[] {
  const wanted = name.toLowerCase();
  return parent.children.filter(
    (node): node is Element => isElement(node) && node.name.toLowerCase() === wanted,
  );
}

function first(parent: Element, ...names: string[]): Element | undefined {
  for (const name of names) {
    const found = elements(parent, name)[0];
    if (found) return found;
  }
  return undefined;
}

function textOf(element: Element | undefined): string | undefined {
  const text = element ? DomUtils.textContent(element).trim() : '';
  return text || undefined;
}

/** RSS `author` is `email (Name)` or a name; dc:creator is a name. */
function rssAuthorName(raw: string): string {
  return /\(([^)]+)\)\s*$/.exec(raw)?.[1] ?? raw;
}

function markupFormat(text: string): SourceFormat {
  return looksLikeHtml(text) ? 'html' : 'text';
}

function rssEntry(item: Element): FeedEntry {
  const entry: FeedEntry = {
    bylines: [...elements(item, 'dc:creator'), ...elements(item, 'author')]
      .map((element) => textOf(element))
      .filter((name): name is string => name !== undefined)
      .map((name) => plainText(rssAuthorName(name))),
  };
  const content = textOf(first(item, 'content:encoded'));
  if (content) entry.content = { text: content, format: markupFormat(content) };
  const summary = textOf(first(item, 'description'));
  if (summary) entry.summary = { text: summary, format: markupFormat(summary) };
  const guid = first(item, 'guid');
  const permalink = guid && guid.attribs['isPermaLink'] !== 'false' ? textOf(guid) : undefined;
  const url = textOf(first(item, 'link')) ?? first(item, 'atom:link')?.attribs['href'] ?? permalink;
  if (url && /^https?:\/\//i.test(url)) entry.url = url;
  const title = textOf(first(item, 'title'));
  if (title) entry.title = plainText(title);
  const date = textOf(first(item, 'pubDate', 'dc:date', 'published', 'updated'));
  if (date) entry.date = date;
  const language = textOf(first(item, 'dc:language'));
  if (language) entry.language = language;
  return entry;
}

/** An Atom text construct (`type` text, html or xhtml) as text with its format. */
function atomText(
  element: Element | undefined,
): { text: string; format: SourceFormat } | undefined {
  if (!element || element.attribs['src']) return undefined;
  const type = (element.attribs['type'] ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const markup = DomUtils.getInnerHTML(element).trim();
    return markup ? { text: markup, format: 'html' } : undefined;
  }
  const text = textOf(element);
  if (!text) return undefined;
  return { text, format: type === 'html' || type.includes('html') ? 'html' : 'text' };
}

function atomAuthors(parent: Element): string[] {
  return elements(parent, 'author')
    .map((author) => textOf(first(author, 'name')) ?? textOf(author))
    .filter((name): name is string => name !== undefined)
    .map((name) => plainText(name));
}

function atomLink(entry: Element): string | undefined {
  const links = elements(entry, 'link');
  const alternate =
    links.find((link) => (link.attribs['rel'] ?? 'alternate') === 'alternate') ?? links[0];
  return alternate?.attribs['href'];
}

function atomEntry(item: Element, feedAuthors: string[]): FeedEntry {
  const authors = atomAuthors(item);
  const entry: FeedEntry = { bylines: authors.length > 0 ? authors : feedAuthors };
  const content = atomText(first(item, 'content'));
  if (content) entry.content = content;
  const summary = atomText(first(item, 'summary'));
  if (summary) entry.summary = summary;
  const url = atomLink(item);
  if (url) entry.url = url;
  const title = atomText(first(item, 'title'));
  if (title) entry.title = plainText(title.text, title.format === 'html');
  const date = textOf(first(item, 'published', 'updated', 'issued', 'modified'));
  if (date) entry.date = date;
  const language = item.attribs['xml:lang'];
  if (language) entry.language = language;
  return entry;
}

interface FeedShape {
  items: Element[];
  entries: (item: Element) => FeedEntry;
  context: FeedContext;
}

function withOptional(
  location: string,
  outlet: string | undefined,
  language: string | undefined,
): FeedContext {
  const context: FeedContext = { location };
  if (outlet) context.outlet = plainText(outlet);
  if (language) context.language = language;
  return context;
}

function shapeOf(root: Element, location: string): FeedShape | undefined {
  const name = root.name.toLowerCase();
  if (name === 'feed') {
    const feedAuthors = atomAuthors(root);
    const title = atomText(first(root, 'title'));
    return {
      items: elements(root, 'entry'),
      entries: (item) => atomEntry(item, feedAuthors),
      context: withOptional(
        location,
        title && plainText(title.text, title.format === 'html'),
        root.attribs['xml:lang'],
      ),
    };
  }
  if (name !== 'rss' && name !== 'rdf:rdf' && name !== 'rdf') return undefined;
  const channel = first(root, 'channel');
  // RSS 0.9x/2.0 put items in the channel; RSS 1.0 (RDF) puts them beside it.
  const items = [...(channel ? elements(channel, 'item') : []), ...elements(root, 'item')];
  const language = channel ? textOf(first(channel, 'language', 'dc:language')) : undefined;
  return {
    items,
    entries: rssEntry,
    context: withOptional(location, channel && textOf(first(channel, 'title')), language),
  };
}

/**
 * Read an RSS 2.0, RSS 1.0 (RDF) or Atom feed: one Source per item at
 * `location#<n>` with url, title, publishedAt, bylines, outlet (the feed
 * title) and language in meta. A document that is not a feed, or a feed cut
 * off before its closing tag, gives `ingest/bad-feed`; items read before the
 * damage are kept.
 */
export function parseFeed(xml: string, location: string, maxItems: number): IngestResult {
  // Scanned first: the parser's stack work grows with depth × tags and the
  // tree of a million items would not fit, so deep feeds are refused and
  // long ones cut after item `maxItems` before any tree is built.
  const scan = scanFeed(xml, maxItems, MAX_FEED_DEPTH);
  if (scan.tooDeep) {
    const message = `The feed nests elements more than ${MAX_FEED_DEPTH} deep (real feeds nest a few dozen at most): it is damaged or built to stall parsers; nothing was read.`;
    return { sources: [], problems: [problem('ingest/too-deep', message, location)] };
  }
  const cut = scan.cutAt !== undefined;
  const document = parseDocument(cut ? xml.slice(0, scan.cutAt) : xml, { xmlMode: true });
  const root = document.children.find(isElement);
  const shape = root && shapeOf(root, location);
  if (!root || !shape) {
    const found = root ? `its root element is <${root.name}>` : 'it holds no XML element';
    return {
      sources: [],
      problems: [
        problem(
          'ingest/bad-feed',
          `Not an RSS, Atom or RDF feed: ${found}. Check that the file or URL is the feed itself.`,
          location,
        ),
      ],
    };
  }
  const sources: Source[] = [];
  const problems: Problem[] = [];
  if (!cut && !new RegExp(`</${root.name.replace('.', '\\.')}\\s*>\\s*$`, 'i').test(xml)) {
    problems.push(
      problem(
        'ingest/bad-feed',
        `The feed ends before its closing </${root.name}> tag: it looks truncated. Kept the ${shape.items.length} items read; fetch it again for the rest.`,
        location,
        { severity: 'warning' },
      ),
    );
  }
  if (shape.items.length === 0) {
    problems.push(
      problem('ingest/empty-feed', 'The feed has no items: nothing to read.', location, {
        severity: 'warning',
      }),
    );
  }
  for (const [index, item] of shape.items.entries()) {
    const n = index + 1;
    if (n > maxItems) {
      problems.push(
        problem(
          'ingest/too-many-items',
          `Stopped after ${maxItems} items; ${shape.items.length - index} more were not read. Raise maxItems to read them.`,
          location,
        ),
      );
      break;
    }
    const result = feedItemSource(shape.entries(item), n, shape.context);
    if (result.source) sources.push(result.source);
    problems.push(...result.problems);
  }
  if (cut && shape.items.length <= maxItems) {
    problems.push(
      problem(
        'ingest/too-many-items',
        `Stopped after ${maxItems} items; ${scan.items - maxItems} more were not read. Raise maxItems to read them.`,
        location,
      ),
    );
  }
  return { sources, problems };
}
