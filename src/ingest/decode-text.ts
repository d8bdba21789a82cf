import type { Problem } from '../model/index.ts';
import { findDeclaredCharset } from './declared-charset.ts';
import { problem } from './problem.ts';

/** What decodeText knows about the bytes besides the bytes. */
export interface DecodeHints {
  /** The `charset` of an HTTP `Content-Type` header (fetch or WARC record). */
  httpCharset?: string;
  /** Search the document for a declared charset: `<meta>` for HTML, the XML declaration for XML. */
  markup?: 'html' | 'xml';
}

/** Text decoded from bytes, with the encoding used and any caveat. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used (`utf-8`, `windows-1252`, …). */
  encoding: string;
  problems: Problem[];
}

const BOMS: ReadonlyArray<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The encoding a byte-order mark announces, or undefined. */
export function bomEncoding(bytes: Uint8Array): string | undefined {
  for (const [mark, encoding] of BOMS) {
    if (mark.every((byte, i) => bytes[i] === byte)) return encoding;
  }
  return undefined;
}

/** The WHATWG encoding name for a label, or undefined when the label is unknown. */
function canonicalEncoding(label: string): string | undefined {
  try {
    const { encoding } = new TextDecoder(label.trim());
    return encoding === 'replacement' ? undefined : encoding;
  } catch {
    return undefined;
  }
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

/**
 * Decode a document's bytes to text. Order, as browsers do it: a byte-order
 * mark, then the HTTP charset, then the charset the document declares, then
 * strict UTF-8, then Windows-1252 (which also reads Latin-1). A declared
 * UTF-8 that the bytes break falls through to the next candidate, and valid
 * non-ASCII UTF-8 declared in the document beats a legacy HTTP charset,
 * since servers that default to ISO-8859-1 mislabel UTF-8 pages.
 * @param source location used for any problem.
 */
export function decodeText(bytes: Uint8Array, hints: DecodeHints, source: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, problems: [] };

  const problems: Problem[] = [];
  const declared = hints.markup ? findDeclaredCharset(bytes, hints.markup) : undefined;
  const candidates: Array<[where: string, label: string | undefined, inDocument: boolean]> = [
    ['the HTTP Content-Type header', hints.httpCharset, false],
    [hints.markup === 'xml' ? 'the XML declaration' : 'the document', declared, true],
  ];
  const utf8 = strictUtf8(bytes);
  if (
    utf8 !== undefined &&
    declared &&
    canonicalEncoding(declared) === 'utf-8' &&
    hasNonAscii(bytes)
  ) {
    return { text: utf8, encoding: 'utf-8', problems };
  }
  let brokenUtf8: string | undefined;
  for (const [where, label, inDocument] of candidates) {
    if (!label) continue;
    let encoding = canonicalEncoding(label);
    if (!encoding) {
      problems.push(
        problem(
          'ingest/unknown-charset',
          `Unknown charset "${label}" in ${where}; ignored it.`,
          source,
          {
            severity: 'warning',
          },
        ),
      );
      continue;
    }
    // A declaration readable as ASCII cannot be UTF-16 (HTML spec: treat it as UTF-8).
    if (inDocument && encoding.startsWith('utf-16')) encoding = 'utf-8';
    if (encoding === 'utf-8') {
      if (utf8 !== undefined) return { text: utf8, encoding, problems };
      brokenUtf8 ??= where;
      continue;
    }
    return { text: new TextDecoder(encoding).decode(bytes), encoding, problems };
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', problems };
  if (brokenUtf8) {
    problems.push(
      problem(
        'ingest/charset-mismatch',
        `${brokenUtf8} says UTF-8 but the bytes are not valid UTF-8; decoded them as Windows-1252 instead. Check the text for wrong characters.`,
        source,
        { severity: 'warning' },
      ),
    );
  }
  return {
    text: new TextDecoder('windows-1252').decode(bytes),
    encoding: 'windows-1252',
    problems,
  };
}
