/**
 * Seeded generator of derived copies of a real article, with character-level
 * truth of which source spans are reused where in the copy (the shape PAN
 * plagdet scores against). Pure: same source, options and seed, same copy.
 *
 * The edits are the ones outlets make to wire copy: word substitutions
 * (synonyms and loaded-term swaps), spelling variants (organisation /
 * organization, hyphenation, split and joined words), punctuation and quote
 * marks, dropped and reordered sentences, inserted paragraphs from another
 * text, page furniture lines, and embedding the copy inside a longer host
 * article.
 *
 * `editRate` is a probability per unit of each edit kind: per word for
 * substitute/spelling, per punctuation mark for punctuation, per sentence for
 * drop-sentence/reorder, per paragraph break for insert-paragraph/furniture.
 */
import { mulberry32 } from '../../test/support/seeded-random.ts';

export { mulberry32 };

/** Half-open character range `[start, end)`. */
export interface CharSpan {
  start: number;
  end: number;
}

/** The kinds of edit the generator can make. */
export type EditKind =
  | 'substitute'
  | 'spelling'
  | 'punctuation'
  | 'drop-sentence'
  | 'reorder'
  | 'insert-paragraph'
  | 'furniture'
  | 'embed';

/** Every edit kind, in the order they are applied. */
export const EDIT_KINDS: readonly EditKind[] = [
  'substitute',
  'spelling',
  'punctuation',
  'drop-sentence',
  'reorder',
  'insert-paragraph',
  'furniture',
  'embed',
];

/** One edit made to the copy, located in the source and/or the copy when it has a place there. */
export interface CopyEdit {
  kind: EditKind;
  /** Where in the source text the edited material was (absent for pure insertions). */
  source?: CharSpan;
  /** Where in the copy the result is (absent for deletions). */
  copy?: CharSpan;
  /** The words before the edit (word and punctuation edits, dropped sentences). */
  from?: string;
  /** The words after the edit (word and punctuation edits, inserted text). */
  to?: string;
}

/** One reused passage: `source` span of the source text appears (edited) at `copy` in the copy. */
export interface ReuseTruth {
  source: CharSpan;
  copy: CharSpan;
}

/** A derived copy with its truth. */
export interface DerivedCopy {
  text: string;
  /** Reused passages, in copy order; consecutive sentences kept in order are merged into one passage. */
  truth: ReuseTruth[];
  edits: CopyEdit[];
}

/** Options of `deriveCopy`. */
export interface DeriveOptions {
  /** PRNG seed; same seed, same copy. */
  seed: number;
  /** Probability per unit of each enabled edit kind, in [0, 1]. */
  editRate: number;
  /** Edit kinds to make; default every kind except `embed`, plus `embed` when `host` is given. */
  edits?: EditKind[];
  /** A longer article to embed the copy in (edit `embed`). */
  host?: string;
  /** Paragraphs to draw inserted paragraphs from; default a built-in set of generic news paragraphs. */
  filler?: string[];
}

// Synonyms and loaded-term swaps seen in wire copies (the seeds swap
// "militant group" for "terrorist group", "Islamists" for "militants").
const SYNONYMS: Record<string, string[]> = {
  said: ['stated', 'told reporters', 'added', 'noted'],
  says: ['states', 'claims', 'notes'],
  told: ['informed', 'said to'],
  militant: ['terrorist', 'extremist', 'insurgent'],
  militants: ['terrorists', 'extremists', 'insurgents', 'fighters'],
  islamists: ['militants', 'extremists'],
  rebels: ['insurgents', 'fighters'],
  killed: ['slain', 'left dead'],
  died: ['was killed', 'perished'],
  arrested: ['detained', 'held', 'taken into custody'],
  police: ['officers', 'authorities'],
  officials: ['authorities', 'officers'],
  government: ['administration', 'authorities', 'regime'],
  leader: ['chief', 'head'],
  president: ['leader', 'head of state'],
  weapons: ['arms', 'armaments'],
  arms: ['weapons'],
  big: ['large', 'major'],
  large: ['big', 'major', 'huge'],
  small: ['minor', 'little'],
  many: ['numerous', 'several'],
  several: ['a number of', 'many'],
  about: ['around', 'roughly', 'some'],
  attack: ['assault', 'strike'],
  attacks: ['assaults', 'strikes'],
  announced: ['declared', 'revealed', 'unveiled'],
  began: ['started', 'launched'],
  start: ['begin', 'launch'],
  help: ['assist', 'aid'],
  buy: ['purchase', 'acquire'],
  bought: ['purchased', 'acquired'],
  company: ['firm', 'group'],
  firm: ['company'],
  people: ['persons', 'individuals', 'residents'],
  country: ['nation', 'state'],
  countries: ['nations', 'states'],
  fire: ['blaze'],
  quake: ['earthquake', 'tremor'],
  earthquake: ['quake', 'tremor'],
  struck: ['hit', 'rocked'],
  hit: ['struck', 'rocked'],
  very: ['extremely', 'highly'],
  also: ['as well', 'too'],
  however: ['but', 'though'],
  but: ['however', 'yet'],
  after: ['following'],
  following: ['after'],
  before: ['ahead of', 'prior to'],
  near: ['close to', 'near to'],
  show: ['reveal', 'indicate'],
  shows: ['reveals', 'indicates'],
  thursday: ['on Thursday'],
  new: ['fresh', 'latest'],
  reported: ['said', 'announced'],
  concerns: ['fears', 'worries'],
  rise: ['ascent', 'surge'],
  takeover: ['seizure', 'capture'],
  protesters: ['demonstrators', 'rioters'],
  protest: ['demonstration', 'rally'],
  immigrants: ['migrants', 'aliens'],
  regime: ['government'],
  claimed: ['said', 'alleged'],
};

// Fallback replacements for words with no synonym entry: a substitution
// edit still happens at the requested rate (realistic loaded swaps are rare).
const FALLBACK_WORDS = [
  'reportedly',
  'officials',
  'local',
  'major',
  'recent',
  'several',
  'senior',
  'key',
  'regional',
  'national',
  'early',
  'late',
];

// Function-word swaps ("a number of" -> "the number of", "to" -> "towards").
const FUNCTION_SWAPS: Record<string, string[]> = {
  the: ['a', 'this'],
  a: ['the', 'one'],
  an: ['the', 'one'],
  of: ['for', 'from'],
  in: ['at', 'inside'],
  on: ['upon', 'at'],
  at: ['in', 'on'],
  to: ['towards', 'into'],
  for: ['of', 'to'],
  from: ['of', 'out of'],
  with: ['alongside', 'along with'],
  by: ['from', 'through'],
  and: ['as well as', 'plus'],
  is: ['was', 'remains'],
  was: ['is', 'had been'],
  are: ['were', 'remain'],
  were: ['are', 'had been'],
  has: ['had'],
  have: ['had'],
  it: ['this', 'that'],
  that: ['which', 'this'],
  which: ['that'],
  this: ['that', 'the'],
  will: ['would', 'shall'],
};

// Spelling pairs (British / American and common variants), both directions.
const SPELLING_PAIRS: [string, string][] = [
  ['organisation', 'organization'],
  ['neighbour', 'neighbor'],
  ['neighbours', 'neighbors'],
  ['neighbouring', 'neighboring'],
  ['recognise', 'recognize'],
  ['defence', 'defense'],
  ['centre', 'center'],
  ['programme', 'program'],
  ['colour', 'color'],
  ['labour', 'labor'],
  ['favour', 'favor'],
  ['honour', 'honor'],
  ['travelled', 'traveled'],
  ['offence', 'offense'],
  ['licence', 'license'],
  ['analyse', 'analyze'],
  ['catalogue', 'catalog'],
  ['grey', 'gray'],
  ['jewellery', 'jewelry'],
  ['manoeuvres', 'maneuvers'],
  ['firearms', 'fire arms'],
  ['online', 'on-line'],
  ['email', 'e-mail'],
  ['website', 'web site'],
  ['ceasefire', 'cease-fire'],
  ['percent', 'per cent'],
];
const SPELLING = new Map<string, string>();
for (const [a, b] of SPELLING_PAIRS) {
  SPELLING.set(a, b);
  SPELLING.set(b, a);
}

const FURNITURE = [
  'READ MORE: The stories you may have missed this week',
  'Loading...',
  'Sign up for our free weekly newsletter',
  'Advertisement',
  'Share this article',
  'Photo: AFP',
  'Subscribe to read more',
  'Follow us on Twitter',
  'Count : 169',
  'Click here to support independent journalism',
  'Related: Top headlines of the day',
  '(Reporting by staff; editing by the desk)',
];

const FILLER = [
  'The announcement drew mixed reactions from analysts, who said the full consequences would take weeks to become clear.',
  'Local residents described a tense atmosphere in the hours that followed, with shops closing early and streets largely empty.',
  'The ministry did not immediately respond to a request for comment on Tuesday evening.',
  'Observers noted that similar measures had been discussed last year but were shelved amid budget disputes.',
  'In a separate development, regional officials said they were monitoring the situation closely and would publish an update.',
  'Critics argued that the decision came too late, while supporters said it reflected a careful reading of the evidence.',
];

interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

// Sentence ends: . ! ? (with closing quotes or brackets) followed by space
// and something that can open a sentence.
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen col lt sgt capt gov sen rep st jan feb mar apr jun jul aug sep sept oct nov dec no vs inc corp ltd co jr sr'.split(
    ' ',
  ),
);

/** Sentences of a text with offsets, each tagged with its paragraph (paragraphs split on newlines). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const para = /[^\n]+/g;
  let p = 0;
  for (let m = para.exec(text); m !== null; m = para.exec(text)) {
    const line = m[0];
    if (line.trim() === '') continue;
    let from = 0;
    SENTENCE_END.lastIndex = 0;
    const ends: number[] = [];
    for (let e = SENTENCE_END.exec(line); e !== null; e = SENTENCE_END.exec(line)) {
      const before = /([\p{L}.]+)$/u.exec(line.slice(0, e.index))?.[1] ?? '';
      // "Sept. 7", "Mr. Putin", "U.S. troops": an abbreviation, not a sentence end.
      if (
        e[0] === '.' &&
        (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{L}(\.\p{L})*$/u.test(before))
      ) {
        continue;
      }
      ends.push(e.index + e[0].length);
    }
    ends.push(line.length);
    for (const end of ends) {
      const raw = line.slice(from, end);
      const lead = raw.length - raw.trimStart().length;
      const trail = raw.length - raw.trimEnd().length;
      if (raw.trim() !== '') {
        out.push({ start: m.index + from + lead, end: m.index + end - trail, paragraph: p });
      }
      from = end;
    }
    p++;
  }
  return out;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function matchCase(template: string, word: string): string {
  if (template.length > 1 && template === template.toUpperCase()) return word.toUpperCase();
  const first = template[0] ?? '';
  if (first !== first.toLowerCase()) return word[0]?.toUpperCase() + word.slice(1);
  return word;
}

interface LocalEdit {
  kind: EditKind;
  /** Offsets inside the sentence's source text. */
  from: string;
  to: string;
  srcStart: number;
  srcEnd: number;
  /** Offsets inside the edited sentence text. */
  outStart: number;
  outEnd: number;
}

function spellingVariant(rand: () => number, word: string): string | null {
  const lower = word.toLowerCase();
  const known = SPELLING.get(lower);
  if (known !== undefined) return matchCase(word, known);
  if (/[-‐]/.test(word))
    return rand() < 0.5 ? word.replace(/[-‐]/g, ' ') : word.replace(/[-‐]/g, '');
  if (/is(e|ed|es|ing|ation)$/.test(lower)) return word.replace(/is(e|ed|es|ing|ation)$/i, 'iz$1');
  if (/iz(e|ed|es|ing|ation)$/.test(lower)) return word.replace(/iz(e|ed|es|ing|ation)$/i, 'is$1');
  if (/our(s?)$/.test(lower) && lower.length > 5) return word.replace(/our(s?)$/i, 'or$1');
  // Split a long word in two, the way "Rosoboronexport" became "Rosoboron export".
  if (/^\p{L}{9,}$/u.test(word)) {
    const cut = 4 + Math.floor(rand() * (word.length - 8));
    return `${word.slice(0, cut)} ${word.slice(cut)}`;
  }
  return null;
}

function editWords(
  rand: () => number,
  sentence: string,
  rate: number,
  kinds: ReadonlySet<EditKind>,
): { text: string; edits: LocalEdit[] } {
  const edits: LocalEdit[] = [];
  let out = '';
  let last = 0;
  const emit = (kind: EditKind, start: number, end: number, to: string) => {
    out += sentence.slice(last, start);
    edits.push({
      kind,
      from: sentence.slice(start, end),
      to,
      srcStart: start,
      srcEnd: end,
      outStart: out.length,
      outEnd: out.length + to.length,
    });
    out += to;
    last = end;
  };
  const doWords = kinds.has('substitute') || kinds.has('spelling');
  const doPunct = kinds.has('punctuation');
  // One pass over words and punctuation marks, in text order.
  const unit = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*|["“”'‘’,;:—–]|--/gu;
  for (let m = unit.exec(sentence); m !== null; m = unit.exec(sentence)) {
    const tok = m[0];
    const start = m.index;
    const end = start + tok.length;
    const isWord = /[\p{L}\p{N}]/u.test(tok);
    if (isWord && doWords) {
      if (kinds.has('substitute') && rand() < rate) {
        const options = SYNONYMS[tok.toLowerCase()];
        const fn = FUNCTION_SWAPS[tok.toLowerCase()];
        const to = options
          ? matchCase(tok, pick(rand, options))
          : fn
            ? matchCase(tok, pick(rand, fn))
            : pick(rand, FALLBACK_WORDS);
        emit('substitute', start, end, to);
        continue;
      }
      if (kinds.has('spelling') && rand() < rate) {
        const to = spellingVariant(rand, tok);
        if (to !== null && to !== tok) emit('spelling', start, end, to);
      }
    } else if (!isWord && doPunct && rand() < rate) {
      const to = punctuationVariant(rand, tok, sentence, start);
      emit('punctuation', start, end, to);
    }
  }
  out += sentence.slice(last);
  return { text: out, edits };
}

function punctuationVariant(rand: () => number, mark: string, text: string, at: number): string {
  switch (mark) {
    case '"': {
      // Opening when at the start or after a space.
      const opening = at === 0 || /\s/.test(text[at - 1] ?? ' ');
      return opening ? '“' : '”';
    }
    case '“':
    case '”':
      return '"';
    case '‘':
    case '’':
      return "'";
    case "'":
      return '’';
    case ',':
      return rand() < 0.7 ? '' : ';';
    case ';':
      return ',';
    case ':':
      return ' -';
    case '—':
    case '–':
      return '--';
    case '--':
      return '—';
    default:
      return mark;
  }
}

interface Piece {
  text: string;
  /** Source span when the piece reuses a source sentence. */
  source?: CharSpan;
  edits: LocalEdit[];
  /** Starts a new paragraph (joined with a blank line instead of a space). */
  breakBefore: boolean;
  insertKind?: EditKind;
  reordered?: boolean;
}

/**
 * Derive an edited copy of `sourceText` with the truth of which source spans
 * it reuses where. Pure and seeded.
 *
 * @example
 * const copy = deriveCopy(text, { seed: 7, editRate: 0.1 });
 * copy.truth[0]; // { source: {start: 0, end: 120}, copy: {start: 0, end: 118} }
 */
export function deriveCopy(sourceText: string, options: DeriveOptions): DerivedCopy {
  if (typeof sourceText !== 'string') {
    throw new TypeError(`Expected sourceText to be a string, got ${typeof sourceText}`);
  }
  const { seed, editRate } = options;
  if (!Number.isFinite(seed)) throw new TypeError(`Expected a finite seed, got ${seed}`);
  if (!(editRate >= 0 && editRate <= 1)) {
    throw new RangeError(`Expected editRate in [0, 1], got ${editRate}`);
  }
  const kinds = new Set<EditKind>(
    options.edits ?? EDIT_KINDS.filter((k) => k !== 'embed' || options.host !== undefined),
  );
  for (const k of kinds) {
    if (!EDIT_KINDS.includes(k)) throw new TypeError(`Expected an EditKind, got ${String(k)}`);
  }
  const rand = mulberry32(seed);
  const filler = options.filler && options.filler.length > 0 ? options.filler : FILLER;
  const edits: CopyEdit[] = [];

  // 1. Sentences, dropped ones recorded.
  let pieces: Piece[] = [];
  let lastParagraph = -1;
  for (const s of splitSentences(sourceText)) {
    const breakBefore = s.paragraph !== lastParagraph;
    lastParagraph = s.paragraph;
    const text = sourceText.slice(s.start, s.end);
    if (kinds.has('drop-sentence') && rand() < editRate) {
      edits.push({ kind: 'drop-sentence', source: { start: s.start, end: s.end }, from: text });
      // Keep the paragraph break for the next kept sentence.
      if (breakBefore) lastParagraph = -2;
      continue;
    }
    const edited = editWords(rand, text, editRate, kinds);
    pieces.push({
      text: edited.text,
      source: { start: s.start, end: s.end },
      edits: edited.edits,
      breakBefore: breakBefore || pieces.length === 0,
    });
  }

  // 2. Reorder: move a sentence to another position, as its own paragraph.
  if (kinds.has('reorder') && pieces.length > 1) {
    const n = pieces.length;
    for (let i = 0; i < n; i++) {
      if (rand() >= editRate) continue;
      const from = Math.floor(rand() * pieces.length);
      const [moved] = pieces.splice(from, 1);
      if (moved === undefined) continue;
      const to = Math.floor(rand() * (pieces.length + 1));
      moved.breakBefore = true;
      const next = pieces[from];
      if (next !== undefined) next.breakBefore = true;
      pieces.splice(to, 0, moved);
      moved.reordered = true;
    }
  }

  // 3. Inserted paragraphs and furniture lines at paragraph breaks.
  if (kinds.has('insert-paragraph') || kinds.has('furniture')) {
    const withInserts: Piece[] = [];
    pieces.forEach((piece, i) => {
      if (piece.breakBefore && i > 0) {
        if (kinds.has('insert-paragraph') && rand() < editRate) {
          withInserts.push({
            text: pick(rand, filler).trim(),
            edits: [],
            breakBefore: true,
            insertKind: 'insert-paragraph',
          });
        }
        if (kinds.has('furniture') && rand() < editRate) {
          withInserts.push({
            text: pick(rand, FURNITURE),
            edits: [],
            breakBefore: true,
            insertKind: 'furniture',
          });
        }
      }
      withInserts.push(piece);
    });
    if (kinds.has('furniture') && rand() < editRate) {
      withInserts.unshift({
        text: pick(rand, FURNITURE),
        edits: [],
        breakBefore: true,
        insertKind: 'furniture',
      });
    }
    if (kinds.has('furniture') && rand() < editRate) {
      withInserts.push({
        text: pick(rand, FURNITURE),
        edits: [],
        breakBefore: true,
        insertKind: 'furniture',
      });
    }
    pieces = withInserts;
  }

  // 4. Embed inside a host article: the copy goes between two host paragraphs.
  let prefix = '';
  let suffix = '';
  if (kinds.has('embed') && options.host !== undefined && options.host.trim() !== '') {
    const hostParas = options.host
      .split(/\n+/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const cut = Math.floor(rand() * (hostParas.length + 1));
    prefix = hostParas.slice(0, cut).join('\n\n');
    suffix = hostParas.slice(cut).join('\n\n');
    if (prefix !== '') prefix += '\n\n';
    if (suffix !== '') suffix = `\n\n${suffix}`;
  }

  // 5. Assemble with offsets; truth runs merge sentences kept in order.
  let text = prefix;
  const truth: ReuseTruth[] = [];
  let run: ReuseTruth | null = null;
  let runSourceEnd = -1;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    if (i > 0) text += piece.breakBefore ? '\n\n' : ' ';
    const start = text.length;
    text += piece.text;
    const end = text.length;
    if (piece.insertKind !== undefined || piece.source === undefined) {
      edits.push({
        kind: piece.insertKind ?? 'insert-paragraph',
        copy: { start, end },
        to: piece.text,
      });
      run = null;
      continue;
    }
    const src = piece.source;
    if (piece.reordered) edits.push({ kind: 'reorder', source: src, copy: { start, end } });
    for (const e of piece.edits) {
      edits.push({
        kind: e.kind,
        source: { start: src.start + e.srcStart, end: src.start + e.srcEnd },
        copy: { start: start + e.outStart, end: start + e.outEnd },
        from: e.from,
        to: e.to,
      });
    }
    // One passage while the source continues with only white space between.
    if (
      run !== null &&
      src.start >= runSourceEnd &&
      /^\s*$/.test(sourceText.slice(runSourceEnd, src.start))
    ) {
      run.source.end = src.end;
      run.copy.end = end;
    } else {
      run = { source: { start: src.start, end: src.end }, copy: { start, end } };
      truth.push(run);
    }
    runSourceEnd = src.end;
  }
  if (prefix !== '' || suffix !== '') {
    edits.push({ kind: 'embed', copy: { start: prefix.length, end: text.length } });
  }
  text += suffix;
  return { text, truth, edits };
}

/** Word count of a text (Unicode letters and digits), for callers sizing hosts and fillers. */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}
