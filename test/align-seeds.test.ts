import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { alignStory } from '../src/align/index.ts';
import type { Alignment, StoryAlignment, WordEdit } from '../src/model/alignment.ts';
import type { AgencyMention, Article } from '../src/model/article.ts';
import { hashHex } from '../src/text/hash.ts';

// The five outlets' versions of one Reuters story (see DESIGN.md), read from
// ../shared/seeds beside the repository.
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SEEDS = join(ROOT, '..', 'shared', 'seeds');

// Page furniture in the seed files, dropped by line (what extract removes:
// appeals, captions, counters, related links, author boxes, subheadings).
const FURNITURE: RegExp[] = [
  /^Support The Moscow Times!$/,
  /Russian Defense Ministry$/,
  /^READ MORE:/,
  /^Loading\.\.\.$/,
  /^Military exercises$/,
  /^Route 6$/,
  /^Orders for weapons come as/,
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), /,
  /^Published : /,
  /photo : AFP$/,
  /^Moscow to recognise Taliban/,
  /^Jadenne Radoc Cabahug$/,
  /^Latest posts by /,
  /'s Photo$/,
  /^by Tyler Durden$/,
  /^\* \* \*$/,
  /^Image: /,
];
// Everything after this line of 000 is a newsletter box and a donation appeal.
const END = /^Sign up for our free weekly newsletter/;
const CREDIT_LINE = /^Reuters$/;
const CREDIT_SUFFIX = /\s+-REUTERS$/;
const DATELINE = /^([A-Z]{3,}), [A-Z][a-z]{2} \d+:\s*/;
const DATE = /^\w+day, (\d+ \w+,? \d{4}|\w{3} \d+, \d{4})/;

/** Articles from the seed files by simple line splitting: first line the headline, the rest paragraphs. */
function seedArticles(): Map<string, Article> {
  const out = new Map<string, Article>();
  for (const file of readdirSync(SEEDS).sort()) {
    const lines = readFileSync(join(SEEDS, file), 'utf8')
      .split('\n')
      .map((l) => l.replace(/\u00a0/g, ' ').trim());
    let headline: string | null = null;
    let publishedAt: string | null = null;
    let dateline: string | null = null;
    const credits: AgencyMention[] = [];
    const paragraphs: string[] = [];
    for (const raw of lines) {
      let line = raw;
      if (line === '') continue;
      if (END.test(line)) break;
      const date = DATE.exec(line);
      if (date !== null && publishedAt === null) {
        publishedAt = new Date(`${(date[1] as string).replace(',', '')} UTC`)
          .toISOString()
          .slice(0, 10);
      }
      if (FURNITURE.some((re) => re.test(line))) continue;
      if (CREDIT_LINE.test(line)) {
        credits.push({ name: 'Reuters', evidence: line });
        continue;
      }
      const suffix = CREDIT_SUFFIX.exec(line);
      if (suffix !== null) {
        credits.push({ name: 'Reuters', evidence: suffix[0].trim() });
        line = line.slice(0, suffix.index);
      }
      const dl = DATELINE.exec(line);
      if (dl !== null) {
        dateline = dl[1] as string;
        line = line.slice(dl[0].length);
      }
      if (headline === null) headline = line;
      else paragraphs.push(line);
    }
    const text = paragraphs.join('\n\n');
    out.set(file.slice(0, 3), {
      id: hashHex(text),
      source: file,
      url: null,
      headline,
      bylines: [],
      publishedAt,
      dateline,
      outlet: null,
      credits,
      cites: [],
      language: 'en',
      text,
      paragraphs,
      removed: [],
    });
  }
  return out;
}

const available = existsSync(SEEDS);
let cached: { seeds: Map<string, Article>; story: StoryAlignment } | undefined;
function load(): { seeds: Map<string, Article>; story: StoryAlignment } {
  if (cached === undefined) {
    const seeds = seedArticles();
    cached = { seeds, story: alignStory([...seeds.values()]) };
  }
  return cached;
}
const id = (name: string): string => (load().seeds.get(name) as Article).id;

function pairOf(x: string, y: string): Alignment | undefined {
  const [a, b] = [id(x), id(y)];
  return load().story.alignments.find(
    (al) => (al.a === a && al.b === b) || (al.a === b && al.b === a),
  );
}

function memberEdits(name: string): WordEdit[] {
  const [source] = load().story.sources;
  const m = source?.members.find((x) => x.articleId === id(name));
  assert.ok(m, `${name} is a member of the source`);
  return m.alignment.passages.flatMap((p) => p.edits);
}

function hasEdit(
  edits: WordEdit[],
  kind: WordEdit['kind'],
  a: string,
  b: string,
): WordEdit | undefined {
  return edits.find((e) => e.kind === kind && e.a === a && e.b === b);
}

test('alignStory(seeds) rebuilds the Reuters wire text of 000, 001 and 002 by majority vote', (t) => {
  if (!available) return t.skip(`../shared/seeds missing: ${SEEDS}`);
  const { story } = load();
  assert.equal(story.sources.length, 1);
  const [s] = story.sources;
  assert.ok(s);
  assert.deepEqual(s.memberIds, [id('000'), id('001'), id('002')].sort());
  assert.equal(s.credit, 'Reuters');
  assert.deepEqual(s.creditedBy, [id('001'), id('002')].sort());
  const expected = [
    // 000 and 002 against 001 ("Russia has received", no "said Thursday it").
    "Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan following the Taliban's takeover of the country.",
    // militant (000) / terrorist (002) / Taliban's (001): no majority; the medoid
    // ties "militant" with "terrorist", and wire copy avoids "terrorist".
    'have raised concerns over the militant group sweeping to power.',
    // fire arms (001, 002), Rosoboronexport (000, 002), no "on Thursday" (000, 002).
    'the supply of Russian helicopters, fire arms and modern border protection systems," Alexander Mikheev, the head of Russia\'s state arms exporter Rosoboronexport, told the RIA Novosti news agency.',
    'it has warned of militants entering neighbouring countries as refugees.',
    'Collective Security Treaty Organisation (CSTO), a military alliance led by Moscow, are also scheduled in Kyrgyzstan between September 7 and 9.',
    'the territory of an CSTO member state", according to the press-service of the alliance quoted by the Interfax news agency.',
    // Islamists (000, 002) against militants (001).
    'have previously been targeted by attacks attributed to allies of Afghan Islamists.',
  ];
  for (const sentence of expected) assert.ok(s.text.includes(sentence), `source has: ${sentence}`);
  for (const absent of ['terrorist', 'on Thursday', 'Peskov', 'Rosoboron export', 'READ MORE']) {
    assert.equal(s.text.includes(absent), false, `source lacks: ${absent}`);
  }
  assert.equal(s.text.split('\n\n').length, 8);
});

test('alignStory(seeds) expresses each wire copy as its edits against the rebuilt source', (t) => {
  if (!available) return t.skip(`../shared/seeds missing: ${SEEDS}`);
  const e002 = memberEdits('002');
  const terrorist = hasEdit(e002, 'substitution', 'militant', 'terrorist');
  assert.ok(terrorist, '002: militant -> terrorist');
  assert.equal(terrorist.framing, true);
  assert.deepEqual(e002.length, 1, '002 differs from the source only there');

  const e001 = memberEdits('001');
  const militants = hasEdit(e001, 'substitution', 'Islamists', 'militants');
  assert.ok(militants, '001: Afghan Islamists -> Afghan militants');
  assert.equal(militants.framing, true);
  assert.ok(hasEdit(e001, 'spelling', 'Rosoboronexport', 'Rosoboron export'));
  assert.ok(hasEdit(e001, 'deletion', 'said Thursday it', ''));
  assert.ok(hasEdit(e001, 'insertion', '', 'on Thursday'));
  assert.equal(hasEdit(e001, 'substitution', 'the militant group', "Taliban's")?.framing, true);

  const e000 = memberEdits('000');
  assert.ok(hasEdit(e000, 'spelling', 'fire arms', 'firearms'));
  assert.ok(hasEdit(e000, 'spelling', 'Organisation', 'Organization'));
  assert.ok(hasEdit(e000, 'spelling', 'neighbouring', 'neighboring'));
  assert.ok(hasEdit(e000, 'spelling', 'press-service', 'press service'));
  assert.ok(hasEdit(e000, 'function-word', 'an', 'a'));
  assert.ok(hasEdit(e000, 'number-format', 'September', 'Sept.'));
  assert.ok(hasEdit(e000, 'punctuation', '",', ',"'));
  assert.ok(e000.every((e) => !e.framing));
});

test('alignStory(seeds) matches the student paper’s rewritten wire sentences (003) as paraphrases', (t) => {
  if (!available) return t.skip(`../shared/seeds missing: ${SEEDS}`);
  const wire = load().seeds.get('000') as Article;
  const student = load().seeds.get('003') as Article;
  const al = pairOf('000', '003');
  assert.ok(al);
  const wireIsA = al.a === wire.id;
  const sides = al.passages.map((p) => ({
    wire: wire.text.slice((wireIsA ? p.a : p.b).start, (wireIsA ? p.a : p.b).end),
    student: student.text.slice((wireIsA ? p.b : p.a).start, (wireIsA ? p.b : p.a).end),
    p,
  }));
  const quote = sides.find((s) => s.student.includes('several orders'));
  assert.ok(quote, 'the Mikheev quote sentence is matched');
  // Consecutive rewritten sentences form one paraphrase passage.
  assert.ok(quote.wire.includes('"We are already working on a number of orders'));
  assert.ok(quote.wire.endsWith('told the RIA Novosti news agency.'));
  assert.equal(quote.p.kind, 'paraphrase');
  const change = quote.p.edits.find((e) => (wireIsA ? e.b : e.a) === 'several');
  assert.equal(change?.kind, 'substitution');
  assert.equal(wireIsA ? change?.a : change?.b, 'a number of');
  const drills = sides.find((s) => s.wire.startsWith('The maneuvers will focus on'));
  assert.ok(drills, 'the maneuvers sentence is matched');
  assert.ok(drills.student.startsWith('These military exercises look to focus on'));
  assert.equal(drills.p.kind, 'paraphrase');
  assert.ok(drills.p.similarity < 0.9);
  assert.ok(al.passages.length >= 3);
  assert.ok(al.passages.every((p) => p.kind === 'paraphrase'));
  assert.deepEqual(al.copied, { a: 0, b: 0 });
});

test('alignStory(seeds) aligns almost nothing of the other-angle article (004)', (t) => {
  if (!available) return t.skip(`../shared/seeds missing: ${SEEDS}`);
  for (const other of ['000', '001', '002', '003']) {
    const al = pairOf(other, '004');
    const cov = al === undefined ? 0 : al.a === id('004') ? al.coverage.a : al.coverage.b;
    assert.ok(cov < 0.05, `${other}/004 coverage ${cov}`);
  }
});

test('alignStory(seeds) draws the provenance: Reuters credits the source, the copies and the paraphrase take from it', (t) => {
  if (!available) return t.skip(`../shared/seeds missing: ${SEEDS}`);
  const { story } = load();
  const sid = story.sources[0]?.id as string;
  const edges = story.provenance.edges.map((e) => `${e.kind} ${e.from} -> ${e.to} ${e.directed}`);
  assert.ok(edges.includes(`credit agency:Reuters -> ${sid} true`));
  for (const name of ['000', '001', '002'])
    assert.ok(edges.includes(`copy ${sid} -> ${id(name)} true`));
  assert.ok(edges.includes(`paraphrase ${sid} -> ${id('003')} true`));
  assert.equal(
    story.provenance.edges.some((e) => e.from === id('004') || e.to === id('004')),
    false,
  );
});
