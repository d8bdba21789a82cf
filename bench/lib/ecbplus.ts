/**
 * Reader for ECB+ (Cybulska & Vossen, LREC 2014) as stored in
 * `../shared/eval/ecbplus/xml/<topic>/<topic>_<n>ecb(plus).xml`: token XML
 * turned back into articles, with the gold event and topic of each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testArticle } from '../../src/model/article.case.ts';
import type { Article } from '../../src/model/index.ts';

/** One ECB+ document as an Article with its gold labels. */
export interface EcbDocument {
  article: Article;
  /** Topic folder number as a string ("1" .. "45"). */
  topic: string;
  /** Gold event: topic and sub-corpus, "1/ecb" or "1/ecbplus". */
  event: string;
  /** File name without extension ("1_10ecbplus"). */
  name: string;
}

const TOKEN = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
// The tokenizer split "90-day" into "90 - day"; a lone hyphen glues both sides.
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}”’-]|'s|'|n't|''|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^(?:[([{“‘$-]|``)$/;

/** The five predefined XML entities of an ECB+ token, decoded. */
export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Join tokens back into text: a space between tokens except before closing and after opening punctuation. */
export function joinTokens(tokens: string[]): string {
  let out = '';
  let glue = false;
  for (const raw of tokens) {
    const t = raw === '``' || raw === "''" ? '"' : raw;
    if (out !== '' && !glue && !NO_SPACE_BEFORE.test(raw)) out += ' ';
    out += t;
    glue = NO_SPACE_AFTER.test(raw);
  }
  return out;
}

/** Parse one ECB+ token XML document into its sentences (joined tokens). */
export function parseEcbXml(xml: string): string[] {
  const sentences = new Map<number, string[]>();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    const s = Number(m[1]);
    let list = sentences.get(s);
    if (list === undefined) {
      list = [];
      sentences.set(s, list);
    }
    list.push(unescapeXml(m[2] ?? ''));
  }
  return [...sentences.keys()]
    .sort((a, b) => a - b)
    .map((k) => joinTokens(sentences.get(k) ?? []))
    .filter((s) => s.trim() !== '');
}

/** Where the ECB+ XML lives relative to the repo root, or null when ../shared is missing. */
export function ecbplusDir(repoRoot: string): string | null {
  const dir = join(repoRoot, '..', 'shared', 'eval', 'ecbplus', 'xml');
  return existsSync(dir) ? dir : null;
}

/** Read every ECB+ document under `dir`, sorted by topic number then file name. */
export function readEcbplus(dir: string): EcbDocument[] {
  const out: EcbDocument[] = [];
  const topics = readdirSync(dir)
    .filter((t) => /^\d+$/.test(t))
    .sort((a, b) => Number(a) - Number(b));
  for (const topic of topics) {
    const files = readdirSync(join(dir, topic))
      .filter((f) => f.endsWith('.xml'))
      .sort();
    for (const file of files) {
      const name = file.replace(/\.xml$/, '');
      const sub = name.endsWith('ecbplus') ? 'ecbplus' : 'ecb';
      const sentences = parseEcbXml(readFileSync(join(dir, topic, file), 'utf8'));
      // ecbplus files open with the page URL as sentence 0, tokenised.
      let url: string | null = null;
      if (sentences[0] !== undefined && /^https?\s*:/.test(sentences[0])) {
        url = sentences[0].replace(/\s+/g, '');
        sentences.shift();
      }
      out.push({
        topic,
        event: `${topic}/${sub}`,
        name,
        article: testArticle(name, sentences, { source: join(dir, topic, file), url }),
      });
    }
  }
  return out;
}
