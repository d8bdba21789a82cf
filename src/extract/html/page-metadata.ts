import { normalizeDate } from '../metadata/dates.ts';
import { normalizeLanguageTag } from '../metadata/language.ts';
import { decodeEntities } from './decode-entities.ts';
import type { DomDocument, DomElement } from './dom.ts';
import type { JsonLdArticle } from './json-ld.ts';
import { readJsonLd } from './json-ld.ts';
import type { MetaTags } from './meta-tags.ts';
import { firstMeta, readMetaTags } from './meta-tags.ts';
import type { MetadataElements } from './metadata-elements.ts';
import { findMetadataElements } from './metadata-elements.ts';
import { normalizeSpace } from './normalize-space.ts';
import { personNames } from './person-names.ts';

/** Metadata read from the page's head and structured data, before any body analysis. */
export interface PageMetadata {
  headline: string | null;
  /** Every headline-like string (JSON-LD, OpenGraph, Twitter, `<title>` and its parts, first `<h1>`), to spot the headline among body blocks. */
  titles: string[];
  bylines: string[];
  publishedAt: string | null;
  outlet: string | null;
  /** Every outlet name the page gives, to keep them out of the bylines. */
  outlets: string[];
  language: string | null;
  url: string | null;
  description: string | null;
  jsonLd: JsonLdArticle | null;
}

const AUTHOR_KEYS = [
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'cxenseparse:author',
];
const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'published_time',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'date',
];
const LOOKS_LIKE_URL = /^(?:https?:\/\/|www\.)|\.(?:com|org|net|in|co\.uk)\/?$/i;
const TITLE_SEPARATORS = /\s+[|\-–—:·»]\s+|\s+::\s+/;

/** Resolve a possibly relative URL; null when it is not a http(s) URL. */
function absoluteUrl(href: string | null, base: string | undefined): string | null {
  if (href === null) return null;
  try {
    const url = base === undefined ? new URL(href) : new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function publishedTime(
  found: MetadataElements,
  meta: MetaTags,
  jsonLd: JsonLdArticle | null,
): string | null {
  const candidates: (string | null)[] = [jsonLd?.datePublished ?? null];
  for (const key of DATE_KEYS) candidates.push(...(meta.get(key) ?? []));
  candidates.push(found.itempropDate, found.pubdateTime, found.firstTime);
  for (const c of candidates) {
    if (c === null) continue;
    const iso = normalizeDate(c);
    if (iso !== null) return iso;
  }
  return null;
}

function language(
  document: DomDocument,
  meta: MetaTags,
  jsonLd: JsonLdArticle | null,
): string | null {
  const candidates = [
    document.documentElement.getAttribute('lang'),
    document.documentElement.getAttribute('xml:lang'),
    firstMeta(meta, ['og:locale', 'content-language', 'language', 'dc.language']),
    jsonLd?.inLanguage ?? null,
  ];
  for (const c of candidates) {
    const tag = c === null ? null : normalizeLanguageTag(c);
    if (tag !== null) return tag;
  }
  return null;
}

function textOf(el: DomElement | null): string | null {
  const text = el ? normalizeSpace(decodeEntities(el.textContent ?? '')) : '';
  return text === '' ? null : text;
}

/**
 * Read the page's metadata: JSON-LD article (also inside `@graph`),
 * OpenGraph and other `<meta>` tags, `<time datetime>`, `<link
 * rel=canonical>`, `<html lang>`. Call it before Readability, which removes
 * scripts. Dates keep the page's UTC offset; languages become ISO 639-1.
 */
export function readPageMetadata(document: DomDocument, baseUrl?: string): PageMetadata {
  const found = findMetadataElements(document);
  const meta = readMetaTags(found.metas);
  const jsonLd = readJsonLd(found.jsonLd);
  const title = textOf(found.title) ?? '';
  const h1 = textOf(found.firstH1);
  const og = firstMeta(meta, ['og:title']);
  const twitter = firstMeta(meta, ['twitter:title']);
  const longestTitlePart =
    title
      .split(TITLE_SEPARATORS)
      .reduce((a, b) => (b.length > a.length ? b : a), '')
      .trim() || null;
  const headline = jsonLd?.headline ?? og ?? twitter ?? h1 ?? longestTitlePart;

  const outletCandidates = [
    firstMeta(meta, ['og:site_name']),
    jsonLd?.publisher ?? null,
    firstMeta(meta, ['application-name', 'apple-mobile-web-app-title']),
  ].filter((o): o is string => o !== null && !LOOKS_LIKE_URL.test(o));
  // Headline-like strings, but not the site's name (a <title> part).
  const siteNames = new Set(outletCandidates.map((o) => o.toLowerCase()));
  const titles = [jsonLd?.headline, og, twitter, title, ...title.split(TITLE_SEPARATORS), h1]
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    .map((t) => normalizeSpace(t))
    .filter((t) => !siteNames.has(t.toLowerCase()));
  let bylines = personNames(jsonLd?.authors ?? [], outletCandidates);
  if (bylines.length === 0) {
    const values: string[] = [];
    for (const key of AUTHOR_KEYS) values.push(...(meta.get(key) ?? []));
    bylines = personNames(values, outletCandidates);
  }

  const canonical = found.canonical;
  const url =
    absoluteUrl(canonical, baseUrl) ??
    absoluteUrl(firstMeta(meta, ['og:url', 'twitter:url']), baseUrl) ??
    absoluteUrl(jsonLd?.url ?? null, baseUrl) ??
    absoluteUrl(baseUrl ?? null, undefined);
  const description = firstMeta(meta, [
    'og:description',
    'description',
    'twitter:description',
    'dc.description',
  ]);

  return {
    headline: headline === null ? null : normalizeSpace(headline),
    titles,
    bylines,
    publishedAt: publishedTime(found, meta, jsonLd),
    outlet: outletCandidates[0] ?? null,
    outlets: outletCandidates,
    language: language(document, meta, jsonLd),
    url,
    description: description === null ? (jsonLd?.description ?? null) : normalizeSpace(description),
    jsonLd,
  };
}
