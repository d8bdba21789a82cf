import type { Problem } from '../model/index.ts';

/** One labelled (or unlabelled) sentence pair from an MSRP-layout file. */
export interface SentencePair {
  /** 1 = same meaning, 0 = not, null when the label column is empty. */
  label: 0 | 1 | null;
  idA: string;
  idB: string;
  a: string;
  b: string;
  /** 1-based line in the input. */
  line: number;
}

/** What `parseSentencePairs` returns: the good pairs and one problem per bad line. */
export interface ParsedSentencePairs {
  pairs: SentencePair[];
  problems: Problem[];
}

/**
 * Read tab-separated sentence pairs in the MSRP layout: a header row, then
 * `label, id, id, sentence, sentence` per line. Tolerates a byte-order mark,
 * CRLF line ends and blank lines; a bad line becomes a located `Problem`
 * (`compare/bad-pair`) and the rest is read.
 *
 * @param text the file content
 * @param source where it came from (a path or `-`), for the problems
 */
export function parseSentencePairs(text: string, source: string): ParsedSentencePairs {
  if (typeof text !== 'string')
    throw new TypeError(`Expected text as a string, got ${typeof text}`);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const pairs: SentencePair[] = [];
  const problems: Problem[] = [];
  const bad = (line: number, message: string): void => {
    problems.push({ code: 'compare/bad-pair', message, source, line, severity: 'error' });
  };
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = i + 1;
    if (raw.trim() === '') continue;
    const cols = raw.split('\t');
    if (!sawHeader) {
      sawHeader = true;
      // The header is optional in practice: a first line whose label column
      // is a 0/1 is data, not a header.
      if (!/^\s*[01]?\s*$/.test(cols[0] ?? '') || cols.length !== 5) continue;
    }
    if (cols.length !== 5) {
      bad(
        line,
        `Expected 5 tab-separated columns (label, id, id, sentence, sentence), got ${cols.length}`,
      );
      continue;
    }
    const [label, idA, idB, a, b] = cols.map((c) => c.trim()) as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (label !== '0' && label !== '1' && label !== '') {
      bad(line, `Expected the label to be 1, 0 or empty, got "${label.slice(0, 20)}"`);
      continue;
    }
    if (a === '' || b === '') {
      bad(line, 'Expected two non-empty sentences, got an empty one');
      continue;
    }
    pairs.push({ label: label === '' ? null : label === '1' ? 1 : 0, idA, idB, a, b, line });
  }
  return { pairs, problems };
}
