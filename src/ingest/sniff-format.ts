import { bomEncoding } from './decode-text.ts';
import { isBinary } from './is-binary.ts';
import { SNIFF_BYTES } from './limits.ts';

/**
 * What an input holds: a compressed stream, a container of several
 * documents, one document, or nothing usable.
 */
export type InputKind =
  | 'empty'
  | 'binary'
  | 'gzip'
  | 'warc'
  | 'feed'
  | 'json'
  | 'jsonl'
  | 'html'
  | 'markdown'
  | 'text';

/** What is known about an input besides its bytes. */
export interface SniffHints {
  /** A file name, path or URL path; only its extension is used (`.gz` stripped first by the caller). */
  name?: string;
  /** Media type from an HTTP header or WARC record (`text/html`), lower case, no parameters. */
  mime?: string;
}

const BY_EXTENSION: Record<string, InputKind> = {
  gz: 'gzip',
  warc: 'warc',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
  rdf: 'feed',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  jsonlines: 'jsonl',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  txt: 'text',
  text: 'text',
};

const BY_MIME: Record<string, InputKind> = {
  'application/gzip': 'gzip',
  'application/x-gzip': 'gzip',
  'application/warc': 'warc',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/xml': 'feed',
  'text/xml': 'feed',
  'application/feed+json': 'json',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};

/** File extensions (lower case, no dot) ingest knows a format for; `gz` means "look inside". */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(BY_EXTENSION));

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf', 'rdf']);
// Skips the XML declaration, comments, processing instructions and the doctype before the root element.
const ROOT_ELEMENT = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>)*<([A-Za-z][\w:.-]*)/i;
const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//;
const STARTS_WITH_TAG = /^<(?:!--|!doctype\s|[A-Za-z][\w:-]*[\s/>])/i;
const WHITESPACE_ONLY = /^[\s\u00a0\ufeff]*$/;

/** The extension of a name or URL path, lower case, without the dot. */
export function extensionOf(name: string | undefined): string {
  if (!name) return '';
  const path = name.replace(/[?#].*$/, '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The first bytes as text, for pattern checks (UTF-16 decoded, byte-order marks dropped). */
function headText(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  const head = bytes.subarray(0, SNIFF_BYTES);
  return new TextDecoder(bom?.startsWith('utf-16') ? bom : 'windows-1252').decode(
    bom === 'utf-8' ? head.subarray(3) : head,
  );
}

/** Several lines that each start with `{`, the first a whole JSON object: JSON Lines, not one pretty-printed object. */
function looksLikeJsonLines(bytes: Uint8Array): boolean {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return false;
  const rest = new TextDecoder()
    .decode(bytes.subarray(newline + 1, newline + 1 + SNIFF_BYTES))
    .trimStart();
  if (!rest.startsWith('{')) return false;
  try {
    const first: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline)));
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}

/** Kinds the content itself proves, whatever the name says. */
function sniffStrong(bytes: Uint8Array, head: string): InputKind | undefined {
  const root = ROOT_ELEMENT.exec(head)?.[1]?.toLowerCase();
  if (root && FEED_ROOTS.has(root)) return 'feed';
  if (root === 'html' || /^\s*<!doctype\s+html/i.test(head)) return 'html';
  if (head.trimStart().startsWith('{')) {
    if (JSON_FEED_VERSION.test(head)) return 'json';
    return looksLikeJsonLines(bytes) ? 'jsonl' : 'json';
  }
  return undefined;
}

/**
 * Tell what an input holds, by content first (gzip magic, `WARC/1.x`, an
 * XML feed root, an HTML doctype, JSON shapes), then by extension or media
 * type, then by weaker content signs (a leading tag means HTML).
 */
export function sniffFormat(bytes: Uint8Array, hints: SniffHints = {}): InputKind {
  const head = headText(bytes);
  if (
    WHITESPACE_ONLY.test(head) &&
    (bytes.length <= SNIFF_BYTES || WHITESPACE_ONLY.test(new TextDecoder().decode(bytes)))
  ) {
    return 'empty';
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  // WARC records carry binary payloads (images, gzipped bodies), so the WARC check comes before the binary one.
  if (head.startsWith('WARC/1.') || head.startsWith('WARC/0.')) return 'warc';
  if (!bomEncoding(bytes)?.startsWith('utf-16') && isBinary(bytes)) return 'binary';
  const strong = sniffStrong(bytes, head);
  if (strong) return strong;
  const declared =
    BY_EXTENSION[extensionOf(hints.name)] ?? (hints.mime ? BY_MIME[hints.mime] : undefined);
  const trimmed = head.trimStart();
  // Servers and people label HTML as plain text far more often than a text article opens with a tag.
  if (declared === 'text' && STARTS_WITH_TAG.test(trimmed)) return 'html';
  // A gzip name on bytes without the gzip magic means they were already decompressed (by HTTP, say).
  if (declared && declared !== 'gzip') return declared;
  if (trimmed.startsWith('<?xml')) return 'feed';
  if (STARTS_WITH_TAG.test(trimmed)) return 'html';
  if (/^#{1,6} \S/.test(trimmed)) return 'markdown';
  return 'text';
}
