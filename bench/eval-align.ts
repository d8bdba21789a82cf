/**
 * Alignment quality on generated copies of real articles (../shared/eval:
 * the Zyte ground-truth bodies and ECB+ texts) with character-level truth
 * from the seeded copy generator (bench/lib/derive-copies.ts). Scored with
 * the PAN text-alignment measures (Potthast et al., "An Evaluation Framework
 * for Plagiarism Detection", COLING 2010): macro character precision and
 * recall, granularity, and plagdet = F1 / log2(1 + granularity); by edit
 * type and edit rate. A plain word diff (jsdiff diffWords, each run of equal
 * text one detection) runs on the same pairs as the baseline.
 *
 *   npm run eval:align                    # 60 texts per cell
 *   npm run eval:align -- --texts 120
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffWords } from 'diff';
import { alignPair } from '../src/align/index.ts';
import { evalDir, readRealTexts, textArticle } from './lib/corpus.ts';
import { countWords, type DerivedCopy, deriveCopy, type EditKind } from './lib/derive-copies.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Texts long enough to hold several passages, short enough to keep a cell quick. */
const MIN_WORDS = 150;
const MAX_WORDS = 3000;
const EDIT_RATES = [0.05, 0.1, 0.2, 0.3];
const PROFILES: Array<{ name: string; edits: EditKind[] | 'default' }> = [
  { name: 'substitute', edits: ['substitute'] },
  { name: 'spelling', edits: ['spelling'] },
  { name: 'punctuation', edits: ['punctuation'] },
  { name: 'drop-sentence', edits: ['drop-sentence'] },
  { name: 'reorder', edits: ['reorder'] },
  { name: 'insert-paragraph', edits: ['insert-paragraph'] },
  { name: 'furniture', edits: ['furniture'] },
  { name: 'embed', edits: ['embed', 'substitute', 'spelling', 'punctuation'] },
  { name: 'all', edits: 'default' },
];

interface Span {
  start: number;
  end: number;
}
/** A reuse case or a detection: a span of the source and a span of the copy. */
interface Pair {
  source: Span;
  copy: Span;
}

/** Totals for the PAN macro measures over many document pairs. */
interface Tally {
  cases: number;
  recallSum: number;
  detections: number;
  precisionSum: number;
  detected: number;
  granularitySum: number;
  ms: number;
}

const emptyTally = (): Tally => ({
  cases: 0,
  recallSum: 0,
  detections: 0,
  precisionSum: 0,
  detected: 0,
  granularitySum: 0,
  ms: 0,
});

function overlap(x: Span, y: Span): Span | null {
  const s = Math.max(x.start, y.start);
  const e = Math.min(x.end, y.end);
  return e > s ? { start: s, end: e } : null;
}

/** Size of a union of intervals. */
function unionSize(spans: Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let cs = -1;
  let ce = -1;
  for (const s of sorted) {
    if (s.start > ce) {
      total += ce - cs;
      cs = s.start;
      ce = s.end;
    } else if (s.end > ce) {
      ce = s.end;
    }
  }
  return total + (ce - cs);
}

/** r detects s when they overlap in the source and in the copy (PAN). */
function detects(r: Pair, s: Pair): boolean {
  return overlap(r.source, s.source) !== null && overlap(r.copy, s.copy) !== null;
}

/** Add one document pair's cases and detections to the PAN tallies. */
function score(truth: Pair[], found: Pair[], t: Tally): void {
  for (const s of truth) {
    t.cases++;
    const src: Span[] = [];
    const cp: Span[] = [];
    let n = 0;
    for (const r of found) {
      if (!detects(r, s)) continue;
      n++;
      src.push(overlap(r.source, s.source) as Span);
      cp.push(overlap(r.copy, s.copy) as Span);
    }
    const size = s.source.end - s.source.start + s.copy.end - s.copy.start;
    t.recallSum += (unionSize(src) + unionSize(cp)) / size;
    if (n > 0) {
      t.detected++;
      t.granularitySum += n;
    }
  }
  for (const r of found) {
    t.detections++;
    const src: Span[] = [];
    const cp: Span[] = [];
    for (const s of truth) {
      if (!detects(r, s)) continue;
      src.push(overlap(r.source, s.source) as Span);
      cp.push(overlap(r.copy, s.copy) as Span);
    }
    const size = r.source.end - r.source.start + r.copy.end - r.copy.start;
    if (size > 0) t.precisionSum += (unionSize(src) + unionSize(cp)) / size;
  }
}

function measures(t: Tally): { p: number; r: number; gran: number; plagdet: number } {
  const r = t.cases === 0 ? 0 : t.recallSum / t.cases;
  const p = t.detections === 0 ? 0 : t.precisionSum / t.detections;
  const gran = t.detected === 0 ? 1 : t.granularitySum / t.detected;
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, gran, plagdet: f / Math.log2(1 + gran) };
}

/** The baseline: every run of equal text in jsdiff's word diff is one detection. */
function wordDiffDetections(source: string, copy: string): Pair[] {
  const out: Pair[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffWords(source, copy)) {
    const len = part.value.length;
    if (part.added) j += len;
    else if (part.removed) i += len;
    else {
      if (/[\p{L}\p{N}]/u.test(part.value)) {
        out.push({ source: { start: i, end: i + len }, copy: { start: j, end: j + len } });
      }
      i += len;
      j += len;
    }
  }
  return out;
}

function parallaxDetections(source: string, copy: DerivedCopy): Pair[] {
  const al = alignPair(textArticle('source', source), textArticle('copy', copy.text));
  return al.passages.map((p) => ({ source: p.a, copy: p.b }));
}

function pick(texts: string[], n: number): string[] {
  if (texts.length <= n) return texts;
  const step = texts.length / n;
  return Array.from({ length: n }, (_, k) => texts[Math.floor(k * step)] as string);
}

function main(): void {
  if (evalDir(root) === null) {
    console.log(
      'eval:align: ../shared/eval is missing (expected beside the repository); nothing to score.',
    );
    return;
  }
  const arg = process.argv.indexOf('--texts');
  const n = arg >= 0 ? Number(process.argv[arg + 1]) : 60;
  // textArticle normalises paragraph breaks; the generator must see the same text.
  const all = readRealTexts(root)
    .map((t) => textArticle(t.id, t.text).text)
    .filter((t) => {
      const w = countWords(t);
      return w >= MIN_WORDS && w <= MAX_WORDS;
    });
  const texts = pick(all, n);
  console.log(
    `eval:align: ${texts.length} real texts (${MIN_WORDS}-${MAX_WORDS} words) per cell; PAN macro measures, plagdet = F1 / log2(1 + gran)\n`,
  );
  const header = `${'edits'.padEnd(17)}${'rate'.padStart(5)} | ${'parallax: plagdet     P     R  gran   ms/pair'} | ${'word diff: plagdet     P     R   gran'}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  const overall = { ours: emptyTally(), base: emptyTally() };
  for (const profile of PROFILES) {
    for (const rate of EDIT_RATES) {
      const ours = emptyTally();
      const base = emptyTally();
      texts.forEach((source, k) => {
        const host =
          profile.edits !== 'default' && profile.edits.includes('embed')
            ? texts[(k + 1) % texts.length]
            : undefined;
        const options = {
          seed: 1000 + k,
          editRate: rate,
          ...(profile.edits === 'default' ? {} : { edits: profile.edits }),
          ...(host === undefined ? {} : { host }),
        };
        const copy = deriveCopy(source, options);
        const truth = copy.truth;
        const t0 = performance.now();
        const found = parallaxDetections(source, copy);
        ours.ms += performance.now() - t0;
        score(truth, found, ours);
        score(truth, wordDiffDetections(source, copy.text), base);
      });
      for (const [into, from] of [
        [overall.ours, ours],
        [overall.base, base],
      ] as const) {
        for (const key of Object.keys(into) as Array<keyof Tally>) into[key] += from[key];
      }
      const m = measures(ours);
      const b = measures(base);
      console.log(
        `${profile.name.padEnd(17)}${rate.toFixed(2).padStart(5)} | ${'          '}${m.plagdet.toFixed(3)} ${m.p.toFixed(3)} ${m.r.toFixed(3)} ${m.gran.toFixed(2)} ${(ours.ms / texts.length).toFixed(1).padStart(9)} | ${'           '}${b.plagdet.toFixed(3)} ${b.p.toFixed(3)} ${b.r.toFixed(3)} ${b.gran.toFixed(2).padStart(6)}`,
      );
    }
  }
  const m = measures(overall.ours);
  const b = measures(overall.base);
  console.log('-'.repeat(header.length));
  console.log(
    `${'all cells'.padEnd(22)} | ${'          '}${m.plagdet.toFixed(3)} ${m.p.toFixed(3)} ${m.r.toFixed(3)} ${m.gran.toFixed(2)} ${(overall.ours.ms / (texts.length * PROFILES.length * EDIT_RATES.length)).toFixed(1).padStart(9)} | ${'           '}${b.plagdet.toFixed(3)} ${b.p.toFixed(3)} ${b.r.toFixed(3)} ${b.gran.toFixed(2).padStart(6)}`,
  );
  console.log(
    '\nReference: best PAN 2014 text-alignment systems reached plagdet ~0.88 on their corpus.',
  );
}

main();
