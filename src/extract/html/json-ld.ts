import { decodeEntities } from './decode-entities.ts';
import { normalizeSpace } from './normalize-space.ts';

/** What a page's JSON-LD says about its article. */
export interface JsonLdArticle {
  headline: string | null;
  /** Person authors' names as given (organisations are left out). */
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  articleBody: string | null;
  inLanguage: string | null;
  url: string | null;
  description: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** schema.org types that describe an article ("NewsArticle", "ReportageNewsArticle", "BlogPosting", …). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|^Report|^LiveBlogPosting)$/;

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function types(node: JsonObject): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Parse one script body, tolerating the usual breakage (comment wrappers, raw newlines in strings). */
function parseLenient(text: string): Json | undefined {
  const body = text
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[)\s*/, '')
    .replace(/\s*(?:-->|\/\/\s*\]\]>)$/, '');
  try {
    return JSON.parse(body) as Json;
  } catch {
    try {
      // Raw control characters inside strings are the most common fault.
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

function collect(node: Json | undefined, out: JsonObject[], depth: number): void {
  if (depth > 6 || node === null || node === undefined) return;
  if (Array.isArray(node)) {
    for (const item of node) collect(item, out, depth + 1);
    return;
  }
  if (!isObject(node)) return;
  if (types(node).some((t) => ARTICLE_TYPE.test(t))) out.push(node);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'about']) {
    const child = node[key];
    if (typeof child === 'object') collect(child, out, depth + 1);
  }
}

function text(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const s = normalizeSpace(decodeEntities(v));
    return s === '' ? null : s;
  }
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = text(item);
      if (s !== null) return s;
    }
  }
  if (isObject(v)) return text(v['name'] ?? v['@value']);
  return null;
}

function personNames(v: Json | undefined, out: string[]): void {
  if (typeof v === 'string') {
    const s = normalizeSpace(decodeEntities(v));
    if (s !== '') out.push(s);
  } else if (Array.isArray(v)) {
    for (const item of v) personNames(item, out);
  } else if (isObject(v)) {
    const t = types(v);
    if (t.length > 0 && !t.includes('Person')) return;
    const name = text(v['name']);
    if (name !== null) out.push(name);
  }
}

/** Article body text keeps its paragraph breaks; only runs of spaces are collapsed. */
function bodyText(v: Json | undefined): string | null {
  if (typeof v !== 'string') return null;
  const s = decodeEntities(v)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
  return s === '' ? null : s;
}

/**
 * Read the article described by the page's JSON-LD scripts (`NewsArticle`,
 * `Article`, `ReportageNewsArticle`, `BlogPosting`…, also inside `@graph`
 * and with arrays of types), or null when there is none. When several
 * describe an article, the one with a headline and the longest body wins.
 */
export function readJsonLd(scripts: readonly string[]): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const content of scripts)
    if (content.trim() !== '') collect(parseLenient(content), nodes, 0);
  let best: JsonObject | undefined;
  let bestScore = -1;
  for (const node of nodes) {
    const score =
      (text(node['headline']) === null ? 0 : 1_000_000) +
      (bodyText(node['articleBody'])?.length ?? 0);
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  if (best === undefined) return null;
  const authors: string[] = [];
  personNames(best['author'] ?? best['creator'], authors);
  const page = best['mainEntityOfPage'];
  return {
    headline: text(best['headline']) ?? text(best['name']),
    authors,
    datePublished: text(best['datePublished']) ?? text(best['dateCreated']),
    publisher: text(best['publisher']) ?? text(best['sourceOrganization']),
    articleBody: bodyText(best['articleBody']),
    inLanguage: text(best['inLanguage']),
    url:
      text(best['url']) ??
      (typeof page === 'string'
        ? page
        : isObject(page) && typeof page['@id'] === 'string'
          ? page['@id']
          : null),
    description: text(best['description']),
  };
}
