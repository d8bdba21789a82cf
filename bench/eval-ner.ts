/**
 * Named-entity recogniser quality, per kind, without the speed run of
 * bench-annotate.ts:
 *
 *   node bench/eval-ner.ts [--errors]
 *
 * 1. The hand-labelled samples test/fixtures/ner-sample/{sample,heldout}.json
 *    (see the README there): each sentence annotated alone, strict matching
 *    (same span and kind), precision/recall/F1 overall and per kind.
 *    `--errors` lists every miss, false alarm and wrong kind.
 * 2. Kind agreement on ECB+ (../shared/eval/ecbplus; skipped with a message
 *    when missing): whole articles annotated as the pipeline does, and each
 *    recognised entity compared with the gold ECB+ mention at the same place
 *    (HUMAN_PART_PER person, HUMAN_PART_ORG organisation, LOC_GEO and
 *    HUMAN_PART_GPE place, LOC_FAC facility). ECB+ marks only mentions that
 *    take part in its events, so this measures how often a found name gets
 *    the right kind, not recall. A gold mention is reduced to its first run
 *    of capitalised words ("Sudan's armed forces" -> "Sudan", "the Betty Ford
 *    Center in Rancho Mirage" -> "Betty Ford Center"); a recognised entity
 *    matches it when the spans are equal or the entity is the run without a
 *    leading title ("Mr. LaRue" -> "LaRue"). The documents the NER samples
 *    took sentences from (`*_1ecb`, `*_2ecb`) are left out. Facilities
 *    (terminals, prisons, hospitals, stadiums) are shown apart: the samples
 *    label hospitals and schools organisations and terminals, ports and
 *    prisons places, ECB+ calls all of them facilities.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cues from '../src/annotate/data/name-cues.json' with { type: 'json' };
import { type LabelledSentence, scoreEntities } from '../src/annotate/entity-score.ts';
import { annotate } from '../src/annotate/index.ts';
import type { EntityKind } from '../src/model/annotation.ts';
import { testArticle } from '../src/model/article.case.ts';
import { joinTokens, unescapeXml } from './lib/ecbplus.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const showErrors = process.argv.includes('--errors');
const KINDS: EntityKind[] = ['person', 'organization', 'place'];

const f3 = (x: number): string => x.toFixed(3);

function samples(): void {
  for (const name of ['sample', 'heldout']) {
    const file = join(root, 'test', 'fixtures', 'ner-sample', `${name}.json`);
    const sample = (JSON.parse(readFileSync(file, 'utf8')) as { sentences: LabelledSentence[] })
      .sentences;
    const score = scoreEntities(
      sample,
      (text) => annotate(testArticle('ner', [text]), { tokens: false }).entities,
    );
    console.log(
      `NER ${name.padEnd(7)} ${sample.length} sentences, ${score.gold} entities: ` +
        `P ${f3(score.precision)} R ${f3(score.recall)} F1 ${f3(score.f1)}`,
    );
    for (const kind of KINDS) {
      const k = score.byKind[kind];
      console.log(
        `    ${kind.padEnd(12)} P ${f3(k.precision)} R ${f3(k.recall)} F1 ${f3(k.f1)} ` +
          `(${k.correct} right of ${k.predicted} found, ${k.gold} gold)`,
      );
    }
    if (showErrors)
      for (const e of score.errors)
        console.log(`      ${e.error.padEnd(10)} ${e.kind.padEnd(12)} ${e.got ?? ''} "${e.text}"`);
  }
}

type GoldKind = EntityKind | 'facility';
const GOLD_KIND: Record<string, GoldKind> = {
  HUMAN_PART_PER: 'person',
  HUMAN_PART_ORG: 'organization',
  HUMAN_PART_GPE: 'place',
  LOC_GEO: 'place',
  LOC_FAC: 'facility',
};
const TOKEN = /<token\b[^>]*\bt_id="(\d+)"[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
const MARKABLE =
  /<(HUMAN_PART_PER|HUMAN_PART_ORG|HUMAN_PART_GPE|LOC_GEO|LOC_FAC)\s+m_id="\d+"[^>]*>\s*((?:<token_anchor\s+t_id="\d+"\s*\/>\s*)+)<\/\1>/g;
const NAME_WORD = /^\p{Lu}/u;
const INNER = new Set(['of', 'and', '&', 'de', 'del', 'la', 'al', 'el', 'van', 'von', 'der', '-']);
const NOT_NAMES = new Set(
  'I We You He She It They Me Us Him Her Them His Its Their Our My Your This That These Those The A An'.split(
    ' ',
  ),
);
const TITLES = [...cues.titles].sort((a, b) => b.length - a.length);

interface GoldName {
  start: number;
  end: number;
  kind: GoldKind;
}

/** One ECB+ document: its text (sentences as paragraphs) and its gold name mentions with offsets. */
function readDocument(xml: string): { paragraphs: string[]; gold: GoldName[] } {
  const bySentence = new Map<number, Array<{ id: string; text: string }>>();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    const s = Number(m[2]);
    const list = bySentence.get(s) ?? [];
    list.push({ id: m[1] as string, text: unescapeXml(m[3] ?? '') });
    bySentence.set(s, list);
  }
  const paragraphs: string[] = [];
  const offsets = new Map<string, { start: number; end: number }>();
  let base = 0;
  for (const s of [...bySentence.keys()].sort((a, b) => a - b)) {
    const toks = bySentence.get(s) ?? [];
    const joined = joinTokens(toks.map((t) => t.text));
    if (joined.trim() === '' || (s === 0 && /^https?\s*:/.test(joined))) continue;
    let cursor = 0;
    for (const t of toks) {
      const text = t.text === '``' || t.text === "''" ? '"' : t.text;
      const at = joined.indexOf(text, cursor);
      if (at < 0) continue;
      offsets.set(t.id, { start: base + at, end: base + at + text.length });
      cursor = at + text.length;
    }
    paragraphs.push(joined);
    base += joined.length + 2;
  }
  const text = paragraphs.join('\n\n');
  const gold = new Map<string, GoldName>();
  MARKABLE.lastIndex = 0;
  for (let m = MARKABLE.exec(xml); m !== null; m = MARKABLE.exec(xml)) {
    const kind = GOLD_KIND[m[1] as string] as GoldKind;
    const ids = [...(m[2] as string).matchAll(/t_id="(\d+)"/g)].map((x) => x[1] as string);
    const spans = ids.map((id) => offsets.get(id)).filter((x) => x !== undefined);
    const words = spans.map((x) => ({ ...x, text: text.slice(x.start, x.end) }));
    // The first run of capitalised words (with inner connectors), after any lower-case opener.
    let i = 0;
    while (i < words.length && !NAME_WORD.test(words[i]?.text ?? '')) i++;
    if (i < words.length && words[i]?.text === 'The') i++;
    let j = i;
    while (
      j < words.length &&
      (NAME_WORD.test(words[j]?.text ?? '') ||
        words[j]?.text === '.' ||
        (INNER.has(words[j]?.text ?? '') && NAME_WORD.test(words[j + 1]?.text ?? '')))
    )
      j++;
    const first = words[i];
    const last = words[j - 1];
    if (first === undefined || last === undefined || NOT_NAMES.has(first.text)) continue;
    const key = `${first.start}:${last.end}`;
    const prev = gold.get(key);
    // The same words marked twice with different kinds say nothing: drop them.
    if (prev !== undefined && prev.kind !== kind) gold.delete(key);
    else gold.set(key, { start: first.start, end: last.end, kind });
  }
  return { paragraphs, gold: [...gold.values()] };
}

function ecbplus(): void {
  const dir = join(root, '..', 'shared', 'eval', 'ecbplus', 'xml');
  if (!existsSync(dir)) {
    console.log(`ECB+: skipped, ${dir} is missing (../shared/eval not present)`);
    return;
  }
  const gks: GoldKind[] = ['person', 'organization', 'place', 'facility'];
  const table = new Map<string, number>();
  const wrong = new Map<string, number>();
  let docs = 0;
  let goldNames = 0;
  for (const topic of readdirSync(dir)
    .filter((t) => /^\d+$/.test(t))
    .sort((a, b) => Number(a) - Number(b))) {
    for (const file of readdirSync(join(dir, topic)).sort()) {
      if (!file.endsWith('.xml') || /_[12]ecb\.xml$/.test(file)) continue;
      const { paragraphs, gold } = readDocument(readFileSync(join(dir, topic, file), 'utf8'));
      if (paragraphs.length === 0) continue;
      docs++;
      goldNames += gold.length;
      const a = testArticle(file, paragraphs);
      const found = annotate(a, { tokens: false }).entities;
      for (const g of gold) {
        const e = found.find(
          (x) =>
            x.end === g.end &&
            (x.start === g.start ||
              (x.start > g.start &&
                TITLES.some((t) =>
                  a.text.slice(g.start, x.start).replace(/\s+/g, ' ').trim().startsWith(t),
                ))),
        );
        if (e === undefined) continue;
        const key = `${g.kind}>${e.kind}`;
        table.set(key, (table.get(key) ?? 0) + 1);
        if (showErrors && g.kind !== e.kind) {
          const w = `${g.kind} as ${e.kind}: ${e.text} (${(e.evidence ?? '').replace(/ at \d+$/, '')})`;
          wrong.set(w, (wrong.get(w) ?? 0) + 1);
        }
      }
    }
  }
  const n = (g: GoldKind, k: EntityKind): number => table.get(`${g}>${k}`) ?? 0;
  console.log(
    `ECB+ kind agreement: ${docs} articles, ${goldNames} gold name mentions; rows gold, columns found (same span)`,
  );
  console.log(`    ${''.padEnd(12)} ${KINDS.map((k) => k.padStart(12)).join(' ')}`);
  for (const g of gks)
    console.log(`    ${g.padEnd(12)} ${KINDS.map((k) => String(n(g, k)).padStart(12)).join(' ')}`);
  for (const k of KINDS) {
    const all = gks.reduce((s, g) => s + n(g, k), 0);
    const right = n(k, k);
    const fac = n('facility', k);
    console.log(
      `    found as ${k.padEnd(12)} ${right} of ${all} gold ${k} (${f3(all === 0 ? 1 : right / all)}), ${fac} facilities`,
    );
  }
  if (showErrors)
    for (const [w, c] of [...wrong].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)))
      console.log(`      ${String(c).padStart(3)} ${w}`);
}

samples();
ecbplus();
