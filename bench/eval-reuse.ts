/**
 * Reuse detection with known truth: seeded copies of real articles (ECB+
 * and the Zyte ground-truth texts) made by bench/lib/derive-copies.ts with
 * the edits outlets make (word substitutions, spelling variants,
 * punctuation, dropped and reordered sentences, inserted paragraphs, page
 * furniture), plain and embedded in a longer host article. Prints, by edit
 * rate, how often relate() calls a copy `duplicate`/`derived` (recall), how
 * often it calls independent articles about the same kind of event so
 * (false positives, same ECB+ topic), precision, and whether the kind is the
 * expected one (duplicate for a whole copy, derived for an embedded one).
 *
 *   npm run eval:reuse
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Fingerprint, fingerprint, relate } from '../src/group/index.ts';
import { DERIVED_CONTAINMENT, DUPLICATE_CONTAINMENT } from '../src/group/thresholds.ts';
import { termStatistics } from '../src/group/topical.ts';
import type { Relation } from '../src/model/index.ts';
import { readRealTexts, textArticle } from './lib/corpus.ts';
import { countWords, deriveCopy, mulberry32 } from './lib/derive-copies.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RATES = [0, 0.02, 0.05, 0.1, 0.2, 0.3];
const SOURCES = 300;

interface Case {
  rate: number;
  embedded: boolean;
  relation: Relation;
}

function main(): void {
  const texts = readRealTexts(root).filter((t) => countWords(t.text) >= 120);
  if (texts.length === 0) {
    console.log('../shared/eval missing: no real texts to derive copies from; skipped.');
    return;
  }
  const rand = mulberry32(2024);
  const picked = new Set<number>();
  while (picked.size < Math.min(SOURCES, texts.length))
    picked.add(Math.floor(rand() * texts.length));
  const sources = [...picked].sort((a, b) => a - b).map((i) => texts[i] as (typeof texts)[number]);
  const fps = new Map<string, Fingerprint>();
  const fp = (id: string, text: string) => {
    let f = fps.get(id);
    if (f === undefined) {
      f = fingerprint(textArticle(id, text));
      fps.set(id, f);
    }
    return f;
  };
  for (const t of texts) fp(t.id, t.text);
  // Document frequencies of the real texts: topical scores as in a batch.
  const statistics = termStatistics([...fps.values()]);

  const cases: Case[] = [];
  sources.forEach((src, s) => {
    for (const rate of RATES) {
      for (const embedded of [false, true]) {
        const seed = s * 1000 + Math.round(rate * 100) * 2 + (embedded ? 1 : 0);
        let host: string | undefined;
        if (embedded) {
          // A longer host article from elsewhere in the collection.
          let h = texts[Math.floor(mulberry32(seed)() * texts.length)] as (typeof texts)[number];
          if (h.id === src.id) h = texts[(texts.indexOf(h) + 1) % texts.length] as typeof h;
          host = `${h.text}\n\n${(texts[(texts.indexOf(h) + 7) % texts.length] as typeof h).text}`;
        }
        const copy = deriveCopy(src.text, {
          seed,
          editRate: rate,
          ...(host === undefined ? {} : { host }),
        });
        const id = `copy:${src.id}:${rate}:${embedded ? 'embed' : 'plain'}`;
        const relation = relate(fp(src.id, src.text), fp(id, copy.text), { statistics });
        cases.push({ rate, embedded, relation });
      }
    }
  });

  // Negatives: independent articles of the same ECB+ topic (same kind of
  // event, often the same event, written by other outlets), and random pairs.
  const negatives: Relation[] = [];
  const byTopic = new Map<string, typeof texts>();
  for (const t of texts) {
    if (t.topic === null) continue;
    const list = byTopic.get(t.topic) ?? [];
    list.push(t);
    byTopic.set(t.topic, list);
  }
  for (const list of byTopic.values()) {
    for (let i = 0; i + 1 < list.length; i += 2) {
      const a = list[i] as (typeof list)[number];
      const b = list[i + 1] as (typeof list)[number];
      negatives.push(relate(fp(a.id, a.text), fp(b.id, b.text), { statistics }));
    }
  }
  for (let k = 0; k < 300; k++) {
    const a = texts[Math.floor(rand() * texts.length)] as (typeof texts)[number];
    const b = texts[Math.floor(rand() * texts.length)] as (typeof texts)[number];
    if (a.id !== b.id) negatives.push(relate(fp(a.id, a.text), fp(b.id, b.text), { statistics }));
  }
  const isReuse = (r: Relation) => r.kind === 'duplicate' || r.kind === 'derived';
  const fp0 = negatives.filter(isReuse).length;

  console.log(
    `reuse detection: ${sources.length} real sources (ECB+ and Zyte ground truth, >= 120 words), one plain and one embedded copy per edit rate`,
  );
  console.log(
    `negatives: ${negatives.length} pairs of independent articles (${negatives.length - 300} within one ECB+ topic, 300 random); ${fp0} called duplicate/derived`,
  );
  console.log(
    `thresholds: duplicate = containment both ways >= ${DUPLICATE_CONTAINMENT}; derived = containment >= ${DERIVED_CONTAINMENT} (or paraphrase rule)`,
  );
  console.log(
    '\nedit rate  copy      recall  precision  kind as expected (duplicate: plain at rate <= 0.02; else derived)  mean containment',
  );
  for (const rate of RATES) {
    for (const embedded of [false, true]) {
      const set = cases.filter((c) => c.rate === rate && c.embedded === embedded);
      const tp = set.filter((c) => isReuse(c.relation)).length;
      // A whole copy with light edits is a duplicate; heavier edits or a
      // copy inside another article are derived.
      const want = !embedded && rate <= 0.02 ? 'duplicate' : 'derived';
      const expected = set.filter((c) => c.relation.kind === want).length;
      const precision = tp + fp0 > 0 ? tp / (tp + fp0) : 1;
      const containment =
        set.reduce((a, c) => a + Math.max(c.relation.containmentAB, c.relation.containmentBA), 0) /
        set.length;
      console.log(
        `${rate.toFixed(2).padStart(9)}  ${(embedded ? 'embedded' : 'plain').padEnd(8)}  ${(tp / set.length).toFixed(3).padStart(6)}  ${precision.toFixed(3).padStart(9)}  ${(expected / set.length).toFixed(3).padStart(16)}  ${containment.toFixed(3).padStart(50)}`,
      );
    }
  }
  const all = cases.filter((c) => isReuse(c.relation)).length;
  console.log(
    `\nall rates: recall ${(all / cases.length).toFixed(3)}, precision ${(all / (all + fp0)).toFixed(3)} (positives ${cases.length}, negatives ${negatives.length})`,
  );

  // Where the thresholds come from: containment of copies vs independent pairs.
  const maxC = (r: Relation) => Math.max(r.containmentAB, r.containmentBA);
  const minC = (r: Relation) => Math.min(r.containmentAB, r.containmentBA);
  console.log(
    '\nmax containment threshold sweep (derived): recall of copies at rate <= 0.2 / false positives among negatives',
  );
  const easy = cases.filter((c) => c.rate <= 0.2);
  console.log(
    [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4]
      .map(
        (t) =>
          `${t}: ${(easy.filter((c) => maxC(c.relation) >= t).length / easy.length).toFixed(3)}/${negatives.filter((r) => maxC(r) >= t).length}`,
      )
      .join('  '),
  );
  console.log(
    'min containment threshold sweep (duplicate): plain copies at rate <= 0.05 called duplicate / embedded copies called duplicate',
  );
  const plain = cases.filter((c) => !c.embedded && c.rate <= 0.05);
  const emb = cases.filter((c) => c.embedded);
  console.log(
    [0.4, 0.5, 0.6, 0.7, 0.8]
      .map(
        (t) =>
          `${t}: ${(plain.filter((c) => minC(c.relation) >= t).length / plain.length).toFixed(3)}/${emb.filter((c) => minC(c.relation) >= t).length}`,
      )
      .join('  '),
  );
}

if (import.meta.main) main();
