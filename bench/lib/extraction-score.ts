/**
 * The article-extraction-benchmark scorer (Zyte), as ../shared/eval/README.md
 * describes it: Unicode `\w+` tokens, 4-token multiset shingles, per-page
 * TP/FP/FN normalised to sum 1, mean precision and recall over pages, F1 of
 * the two means.
 */

/**
 * Python's `re` `\w` in Unicode mode, which the benchmark's evaluate.py uses:
 * every letter (L*) and number (N*: digits, but also "½" and "²") plus "_"
 * (case kept). Checked over all of Unicode against CPython 3: identical.
 * The shared README paraphrases it as "letters, marks, digits, connector
 * punctuation", but combining marks (Arabic harakat, U+FE0F) split words in
 * Python, and only Python's class reproduces the published figures
 * (trafilatura R 0.978 / F1 0.958; with marks kept it gives 0.977 / 0.957).
 */
const WORD = /[\p{L}\p{N}_]+/gu;

/** Shingle length used by the benchmark. */
export const SHINGLE_SIZE = 4;

/** Per-page counts after normalisation (tp + fp + fn = 1, or all 0 when both texts are empty). */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

/** Corpus figures. */
export interface ExtractionScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Split a text into `\w+` tokens. */
export function scoreTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Multiset of overlapping shingles; a text shorter than the shingle size gives one short shingle. */
export function shingleCounts(text: string, size = SHINGLE_SIZE): Map<string, number> {
  const tokens = scoreTokens(text);
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  if (tokens.length < size) {
    out.set(tokens.join('\u0001'), 1);
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) {
    const key = tokens.slice(i, i + size).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Score one page: multiset intersection of shingles, normalised so tp + fp + fn = 1. */
export function scorePage(expected: string, predicted: string): PageScore {
  const exp = shingleCounts(expected);
  const pred = shingleCounts(predicted);
  let tp = 0;
  let nPred = 0;
  let nExp = 0;
  for (const n of exp.values()) nExp += n;
  for (const [k, n] of pred) {
    nPred += n;
    const e = exp.get(k);
    if (e !== undefined) tp += Math.min(n, e);
  }
  const fp = nPred - tp;
  const fn = nExp - tp;
  const sum = tp + fp + fn;
  if (sum === 0) return { tp: 0, fp: 0, fn: 0 };
  return { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

/** Page precision: 1 when both FP and FN are 0. */
function pagePrecision(s: PageScore): number {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp / (s.tp + s.fp);
}

/** Page recall: 1 when both FP and FN are 0. */
function pageRecall(s: PageScore): number {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp / (s.tp + s.fn);
}

/**
 * Aggregate page scores: precision is the mean over pages with TP+FP > 0,
 * recall the mean over pages with TP+FN > 0, F1 = 2PR/(P+R).
 */
export function aggregateScores(pages: PageScore[]): ExtractionScore {
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  let rN = 0;
  for (const s of pages) {
    if (s.tp + s.fp > 0) {
      pSum += pagePrecision(s);
      pN++;
    }
    if (s.tp + s.fn > 0) {
      rSum += pageRecall(s);
      rN++;
    }
  }
  const precision = pN === 0 ? 0 : pSum / pN;
  const recall = rN === 0 ? 0 : rSum / rN;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: pages.length };
}

/**
 * Score predictions against the ground truth: every ground-truth page is
 * scored, a missing prediction counts as empty text. `ids` restricts the set.
 */
export function scoreExtraction(
  truth: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
  ids: Iterable<string> = truth.keys(),
): ExtractionScore {
  const pages: PageScore[] = [];
  for (const id of ids) {
    const expected = truth.get(id);
    if (expected === undefined) throw new RangeError(`Expected a ground-truth page id, got ${id}`);
    pages.push(scorePage(expected, predicted.get(id) ?? ''));
  }
  return aggregateScores(pages);
}

/**
 * Read a benchmark JSON map (`{id: {articleBody}}`, or wrapped as
 * `{version, output: {...}}`) into id -> text.
 */
export function parseBodyMap(json: unknown): Map<string, string> {
  if (typeof json !== 'object' || json === null) {
    throw new TypeError(`Expected an object of pages, got ${typeof json}`);
  }
  const rec = json as Record<string, unknown>;
  const inner =
    'output' in rec && typeof rec['output'] === 'object' && rec['output'] !== null
      ? (rec['output'] as Record<string, unknown>)
      : rec;
  const out = new Map<string, string>();
  for (const [id, v] of Object.entries(inner)) {
    if (typeof v !== 'object' || v === null) continue;
    const body = (v as Record<string, unknown>)['articleBody'];
    out.set(id, typeof body === 'string' ? body : '');
  }
  return out;
}
