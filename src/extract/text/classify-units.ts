import type { RemovalReason } from '../../model/article.ts';
import { authorFromAuthorBox, isNameLine, parseByline } from '../metadata/bylines.ts';
import { splitDateline } from '../metadata/dateline.ts';
import { findDate } from '../metadata/dates.ts';
import { type UnitFeatures, unitFeatures } from './features.ts';
import { laterCopies } from './near-duplicates.ts';
import {
  APPEAL_CLOSERS,
  APPEAL_LEXICON,
  APPEAL_OPENERS,
  hasLexiconHit,
  UNIT_RULES,
} from './rules.ts';
import { scoreUnit, type UnitScore } from './score-unit.ts';
import type { Unit } from './unit.ts';

/** One piece of a unit removed in pieces (see `UnitVerdict.parts`). */
export interface UnitPart {
  text: string;
  reason: RemovalReason;
  detail: string;
}

/** Whether a unit stays in the body (`reason` null) or why it was removed. */
export interface UnitVerdict {
  reason: RemovalReason | null;
  /** Which rule decided, for `RemovedBlock.detail`. */
  detail: string | null;
  /**
   * A metadata row an extractor glued into one block ("By Rhona Castell Wed
   * 5 Mar 2025 16.05 CET Last modified on ..."), as the pieces it is made
   * of, each with its own reason; `reason` is the first piece's.
   */
  parts?: UnitPart[];
}

/** Options of `classifyUnits`. */
export interface ClassifyOptions {
  /**
   * The headline when the markup or the container gave one: a unit repeating
   * it is removed as the headline.
   */
  knownHeadline?: string | null;
  /**
   * Pick the first title-like unit before the body as the headline (plain
   * text and Markdown: true; HTML, whose extractor already took the title
   * out: false).
   */
  findHeadline?: boolean;
  /**
   * `text` (default): the layout of the lines is all there is, so short
   * title-like lines inside the body are subheadings, lines under the
   * headline are standfirsts and fragments after the body are furniture.
   * `markup`: an HTML extractor already chose the blocks by their elements;
   * those positional rules are skipped and only the per-unit rules, appeal
   * blocks, author boxes and duplicates apply.
   */
  structure?: 'text' | 'markup';
}

/** The verdict on every unit of a document, and the features they rest on. */
export interface Classification {
  verdicts: UnitVerdict[];
  features: UnitFeatures[];
  /** Index of the headline unit, or -1. */
  headline: number;
}

/**
 * Most units an appeal block may span from opener to closer. Seed 000's
 * donation appeal runs 14 units from "A Message from The Moscow Times:" to
 * "Remind me later."; its newsletter box 3 units. Twice that leaves room
 * for longer appeals without letting a block swallow a story.
 */
export const APPEAL_MAX_UNITS: Readonly<Record<'newsletter' | 'donation', number>> = {
  newsletter: 6,
  donation: 28,
};

/** Most words of a subheading inside the body ("Military exercises", seed 001). */
export const SUBHEADING_MAX_WORDS = 10;

/**
 * Most words of a stray fragment after the last body paragraph that is
 * removed ("Route 6", seed 001). Longer trailing lines are left alone.
 */
export const TAIL_FRAGMENT_MAX_WORDS = 4;

/**
 * Most lines under the headline taken as standfirsts (a subtitle and a
 * deck). Seed 002 has one ("Moscow to recognise Taliban after studying
 * actions"); further title-like lines before the first prose are left in the
 * body, where the extraction benchmark's hand-checked bodies have them
 * (opening one-line paragraphs of blog posts, score lines of a match).
 */
export const STANDFIRST_MAX_UNITS = 2;

/** Headline candidates are looked for among this many units from the top. */
export const HEADLINE_SCAN_UNITS = 12;

/**
 * Most words of a block read as a glued metadata row (byline, dates,
 * counters run together by an extractor that flattened a `<div
 * class="meta">`): the example pages' rows are 18 words (Coastline
 * Courier: byline, date, "Last modified" date) and 12 (Freightline
 * Weekly: byline, date, comment count); a third more leaves room for a
 * second author. Every piece must also be furniture on its own.
 */
export const META_ROW_MAX_WORDS = 30;

// A date label just before a date ("Last modified on ", "Updated: "): it
// goes with the date when a metadata row is cut into pieces.
const DATE_LABEL_BEFORE =
  /(?:first published|published|posted|last updated|updated|last modified|modified)(?:\s+(?:on|at))?\s*[:：]?\s*$/i;

// A piece of a metadata row that opens with a date label ("Updated: 5 March 2025").
const DATE_LABEL_START =
  /^(?:first published|published|posted|last updated|updated|last modified|modified)\b/i;

// Separators left at the edges of a metadata row's pieces ("By X | 5 March").
const PIECE_EDGES = /^[\s|·•,;–—-]+|[\s|·•,;–—-]+$/g;

/**
 * Author boxes at the foot of a story open with the author's name and a
 * verb of what they do ("Mara Lindqvist is a second-year journalism
 * student ...", "Jonah Pell covers ports and shipping for ...").
 */
const AUTHOR_BIO_VERB =
  /^\s*(?:is|was|covers|writes|reports|edits|has been|has written|joined|teaches|studies)\b/;

/**
 * Role words that mark a bio when the author's name is not known from a
 * byline ("Jane Doe is a reporter at ...").
 */
const AUTHOR_ROLE =
  /\b(?:reporter|editor|correspondent|writer|journalist|columnist|contributor|producer|student|intern|freelancer)\b/i;

/**
 * Reasons of the metadata that sits between a standfirst and the body
 * (seed 001: standfirst, a repeat of a body paragraph, the "Reuters"
 * credit line, the repeat again, then the body).
 */
const HEAD_METADATA: ReadonlySet<RemovalReason> = new Set([
  'byline',
  'date',
  'credit-line',
  'counter',
  'duplicate',
]);

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Classify the units of one document as body or furniture. Each unit is
 * first scored on its own text (`scoreUnit`); then rules that need its
 * neighbours run in order: appeal blocks (opener to closer), author boxes,
 * the headline and header lines above it, near-duplicate paragraphs
 * repeated above the body (the copy in the body is kept), head metadata and standfirsts, subheadings
 * inside the body, and stray fragments after it. Every sentence of the
 * story must survive: rules that can touch prose need positional evidence.
 */
export function classifyUnits(
  units: readonly Unit[],
  options: ClassifyOptions = {},
): Classification {
  const features = units.map((u) => unitFeatures(u.text));
  const scores: Array<UnitScore | null> = features.map((f) => scoreUnit(f));
  const verdicts: UnitVerdict[] = units.map((unit, i) => {
    if (unit.kind === 'separator')
      return { reason: 'boilerplate', detail: "separator: a thematic break ('* * *')" };
    if (unit.kind === 'image')
      return { reason: 'caption', detail: "image: an image's alt text or caption" };
    const score = scores[i];
    return score?.remove
      ? { reason: score.reason, detail: score.detail }
      : { reason: null, detail: null };
  });
  const isRemoved = (i: number): boolean => verdicts[i]?.reason !== null;
  const feature = (i: number): UnitFeatures => features[i] as UnitFeatures;
  const remove = (i: number, reason: RemovalReason, detail: string): void => {
    verdicts[i] = { reason, detail };
  };

  // Metadata rows glued into one block: split them when every piece is
  // furniture on its own.
  for (let i = 0; i < units.length; i++) {
    if (isRemoved(i) || units[i]?.kind !== 'text' || feature(i).words > META_ROW_MAX_WORDS)
      continue;
    const parts = metaRowParts(units[i]?.text ?? '');
    if (parts) {
      const first = parts[0] as UnitPart;
      verdicts[i] = {
        reason: first.reason,
        detail: `meta-row: a byline and date row run together (${parts.map((p) => p.reason).join(', ')})`,
        parts,
      };
    }
  }

  markAppealBlocks(units, features, scores, verdicts);

  // Author box: the name line just above "Latest posts by <name> (see all)" (seed 003).
  for (let i = 1; i < units.length; i++) {
    const name = authorFromAuthorBox(units[i]?.text ?? '');
    const above = units[i - 1]?.text ?? '';
    if (name && !isRemoved(i - 1) && (normalise(above) === normalise(name) || isNameLine(above))) {
      remove(i - 1, 'author-box', "author-name: the author's name above the author box");
    }
  }

  // Headline: the unit repeating a known headline, else the first
  // title-like unit before any prose. Short labels above a longer title
  // ("World", a site name) are header lines.
  let headline = -1;
  const known = options.knownHeadline ? normalise(options.knownHeadline) : '';
  if (known !== '') {
    for (let i = 0; i < Math.min(units.length, HEADLINE_SCAN_UNITS); i++) {
      if (normalise(units[i]?.text ?? '') === known) {
        headline = i;
        break;
      }
    }
  }
  if (headline < 0 && options.findHeadline) {
    for (let i = 0; i < Math.min(units.length, HEADLINE_SCAN_UNITS); i++) {
      if (isRemoved(i)) continue;
      const f = feature(i);
      if (f.prose) break;
      if (!(units[i]?.kind === 'heading' || f.titleLike)) continue;
      const next = nextKept(i);
      if (
        f.words <= 3 &&
        units[i]?.kind !== 'heading' &&
        next >= 0 &&
        feature(next).titleLike &&
        !feature(next).prose &&
        feature(next).words > f.words
      ) {
        continue;
      }
      headline = i;
      break;
    }
  }
  if (headline >= 0) {
    remove(headline, 'headline', 'headline: the first title-like line before the body');
    // Above the headline: site names, section labels and the page's date
    // header (seed 002's "Friday, 27 August, 2021, 10:35 AM").
    for (let i = 0; i < headline; i++) {
      if (!isRemoved(i) && !feature(i).prose)
        remove(i, 'header', 'header: a page header line above the headline');
      else if (verdicts[i]?.reason === 'date')
        remove(i, 'header', 'header: the date line of the page header, above the headline');
    }
    const text = normalise(units[headline]?.text ?? '');
    for (let i = headline + 1; i < units.length; i++) {
      if (!isRemoved(i) && normalise(units[i]?.text ?? '') === text)
        remove(i, 'duplicate', 'duplicate: repeats the headline');
    }
  }

  // Near-duplicate paragraphs: a standfirst or summary repeated above the
  // body (seed 001 repeats one three times). A copy is removed only when it
  // sits above the first paragraph that is not repeated later and another
  // copy sits in the body below; repeats inside the body (an interview's
  // recurring question) are the story's own.
  const copies = laterCopies(
    units.map((u) => u.text),
    units.map((u, i) => !isRemoved(i) && u.kind === 'text'),
  );
  let firstUnique = units.length;
  for (let i = 0; i < units.length; i++) {
    if (!isRemoved(i) && feature(i).prose && !copies.has(i)) {
      firstUnique = i;
      break;
    }
  }
  for (const [i, later] of copies) {
    const inBody = later.find((j) => j > firstUnique);
    if (i < firstUnique && inBody !== undefined) {
      const text = units[inBody]?.text ?? '';
      remove(
        i,
        'duplicate',
        `duplicate: repeats the paragraph '${text.slice(0, 48)}${text.length > 48 ? '…' : ''}' further down`,
      );
    }
  }

  // Author bio at the foot: a unit opening with the author's name (from the
  // byline or the author box) or a name and a role, followed only by furniture.
  const authors = authorNames();
  for (let i = units.length - 1; i >= 0; i--) {
    if (isRemoved(i)) continue;
    if (!isAuthorBio(units[i]?.text ?? '', authors)) break;
    remove(i, 'author-box', "author-bio: the author's biography at the foot of the story");
  }

  // Markup: the extractor took the headline out, so a standfirst is the
  // kept block(s) at the top followed by the byline or date row and then
  // the body (the Coastline Courier example: standfirst, "By … Wed 5 Mar
  // 2025 …", then the dateline paragraph). A block opening with a dateline
  // is the body.
  if (options.structure === 'markup') markMarkupStandfirst();

  let [start, end] = bodySpan();
  if (start >= 0 && options.structure !== 'markup') {
    // Head: name lines next to byline/date lines are bylines; title-like
    // lines right under the headline are standfirsts (subtitles, decks).
    let underHeadline = 0;
    for (let i = headline + 1; i < start; i++) {
      if (isRemoved(i)) continue;
      underHeadline++;
      const near = [previousKept(i), i - 1, i + 1].some((k) => {
        const r = verdicts[k]?.reason;
        return r === 'byline' || r === 'date';
      });
      if (isNameLine(units[i]?.text ?? '') && near)
        remove(i, 'byline', 'name-line: a name next to the byline or date');
      else if (
        underHeadline <= STANDFIRST_MAX_UNITS &&
        (units[i]?.kind === 'heading' || feature(i).titleLike)
      ) {
        remove(i, 'standfirst', 'standfirst: a title-like line between the headline and the body');
      }
    }
    // A prose standfirst: right under the headline and followed by head
    // metadata before the body proper (seed 001).
    if (headline >= 0 && nextKept(headline) === start) {
      let k = start + 1;
      let metadata = false;
      while (k < units.length && isRemoved(k)) {
        if (HEAD_METADATA.has(verdicts[k]?.reason as RemovalReason)) metadata = true;
        k++;
      }
      if (metadata && k < units.length && feature(k).prose) {
        remove(
          start,
          'standfirst',
          'standfirst: a summary under the headline, followed by the byline, date or credit',
        );
        [start, end] = bodySpan();
      }
    }
    // Inside the body: short title-like lines between prose are subheadings.
    for (let i = start + 1; i < end; i++) {
      if (isRemoved(i)) continue;
      const f = feature(i);
      const heading = units[i]?.kind === 'heading';
      const short = f.titleLike && !f.terminal && f.words <= SUBHEADING_MAX_WORDS;
      const before = previousKept(i);
      const after = nextKept(i);
      if (
        heading ||
        (short && before >= 0 && after >= 0 && feature(before).prose && feature(after).prose)
      ) {
        remove(i, 'subheading', 'subheading: a short title-like line inside the body');
      }
    }
    // After the body: stray fragments ("Route 6", seed 001).
    for (let i = end + 1; i < units.length; i++) {
      if (isRemoved(i)) continue;
      const f = feature(i);
      if (units[i]?.kind === 'heading')
        remove(i, 'subheading', 'subheading: a heading after the body');
      else if (f.words <= TAIL_FRAGMENT_MAX_WORDS && !f.terminal) {
        remove(i, 'boilerplate', 'tail-fragment: a short fragment after the last body paragraph');
      }
    }
  }
  return { verdicts, features, headline };

  function authorNames(): string[] {
    const names: string[] = [];
    units.forEach((unit, i) => {
      const v = verdicts[i];
      for (const piece of v?.parts ?? [{ text: unit.text, reason: v?.reason ?? null }]) {
        if (piece.reason === 'byline') names.push(...(parseByline(piece.text)?.names ?? []));
        if (piece.reason === 'author-box') {
          const name = authorFromAuthorBox(piece.text);
          if (name) names.push(name);
        }
      }
    });
    return names;
  }

  function markMarkupStandfirst(): void {
    const candidates: number[] = [];
    let i = 0;
    for (; i < units.length && !isRemoved(i); i++) {
      if (candidates.length >= STANDFIRST_MAX_UNITS || splitDateline(units[i]?.text ?? '')) return;
      candidates.push(i);
    }
    if (candidates.length === 0) return;
    let metadata = false;
    for (; i < units.length && isRemoved(i); i++) {
      if (HEAD_METADATA.has(verdicts[i]?.reason as RemovalReason)) metadata = true;
    }
    if (!metadata || i >= units.length || !feature(i).prose) return;
    for (const k of candidates) {
      remove(k, 'standfirst', 'standfirst: a block above the byline or date row, before the body');
    }
  }

  function bodySpan(): [number, number] {
    let first = -1;
    let last = -1;
    for (let i = 0; i < units.length; i++) {
      if (isRemoved(i) || !feature(i).prose) continue;
      if (first < 0) first = i;
      last = i;
    }
    return [first, last];
  }

  function nextKept(i: number): number {
    for (let k = i + 1; k < units.length; k++) if (!isRemoved(k)) return k;
    return -1;
  }

  function previousKept(i: number): number {
    for (let k = i - 1; k >= 0; k--) if (!isRemoved(k)) return k;
    return -1;
  }
}

/**
 * Appeal blocks: a newsletter box or donation appeal opens with a line a
 * rule recognises ("Sign up for our free weekly newsletter", "A Message
 * from The Moscow Times:") and closes with another ("Subscribers agree to
 * the Privacy Policy", "Remind me later."). Everything between goes with
 * them, including prose ("We are facing unprecedented challenges. ..."),
 * provided each unit between speaks to the reader, hits the furniture
 * lexicon or is not prose: a story paragraph in between stops the block.
 * Without a closer, the block takes only the units right after the opener
 * that are furniture already or hit the lexicon (seed 000's "Support The
 * Moscow Times!" banner stands alone above the headline).
 */
function markAppealBlocks(
  units: readonly Unit[],
  features: readonly UnitFeatures[],
  scores: ReadonlyArray<UnitScore | null>,
  verdicts: UnitVerdict[],
): void {
  for (const kind of ['newsletter', 'donation'] as const) {
    for (let i = 0; i < units.length; i++) {
      const rules = scores[i]?.rules ?? [];
      if (!rules.some((r) => APPEAL_OPENERS[kind].includes(r))) continue;
      let closer = -1;
      let lastFurniture = i;
      for (let j = i + 1; j < units.length && j <= i + APPEAL_MAX_UNITS[kind]; j++) {
        const f = features[j] as UnitFeatures;
        const removed = verdicts[j]?.reason !== null;
        const appealLike = removed || f.address || !f.prose || hasLexiconHit(f);
        if (!appealLike) break;
        if ((scores[j]?.rules ?? []).some((r) => APPEAL_CLOSERS[kind].includes(r))) closer = j;
        if (closer < 0 && lastFurniture === j - 1 && (removed || hasLexiconHit(f))) {
          lastFurniture = j;
        }
      }
      const last = closer >= 0 ? closer : lastFurniture;
      const opener = units[i]?.text ?? '';
      for (let j = i; j <= last; j++) {
        if (verdicts[j]?.reason === null) {
          verdicts[j] = {
            reason: kind,
            detail: `appeal-block: inside the ${kind} appeal opened by '${opener}'`,
          };
        }
      }
      i = Math.max(i, last);
    }
  }
  // An appeal written as prose right above its buttons (the Northern Ledger
  // example: "... please make a donation today: even 5 crowns a month ..."
  // above "Donate now" / "Maybe later"): units that speak to the reader
  // and hit the appeal's own lexicon, directly above a unit removed as that
  // appeal, go with it. Story prose about donations does not speak to the
  // reader, and does not sit on a donation button.
  for (const kind of ['newsletter', 'donation'] as const) {
    const lexicon = UNIT_RULES.filter((r) => APPEAL_LEXICON[kind].includes(r.name));
    for (let i = units.length - 1; i > 0; i--) {
      if (verdicts[i]?.reason !== kind) continue;
      const buttons = units[i]?.text ?? '';
      let j = i - 1;
      for (; j >= 0 && i - j <= APPEAL_MAX_UNITS[kind]; j--) {
        const f = features[j] as UnitFeatures;
        if (verdicts[j]?.reason !== null || !f.address || !lexicon.some((r) => r.test(f))) break;
        verdicts[j] = {
          reason: kind,
          detail: `appeal-above-buttons: an appeal to the reader above the ${kind} buttons '${buttons}'`,
        };
      }
      i = j + 1;
    }
  }
}

/**
 * The pieces of a metadata row glued into one block ("By Rhona Castell Wed
 * 5 Mar 2025 16.05 CET Last modified on Wed 5 Mar 2025 17.30 CET" -> the
 * byline, the date, the "Last modified" date), cut before each date (with
 * its label), when there are two or more and each is furniture by the unit
 * rules on its own; null otherwise.
 */
export function metaRowParts(text: string): UnitPart[] | null {
  const pieces: string[] = [];
  let rest = text;
  let dated = false;
  while (rest.trim() !== '') {
    const date = findDate(rest);
    if (!date) {
      pieces.push(rest);
      break;
    }
    dated = true;
    const before = rest.slice(0, date.index);
    const label = DATE_LABEL_BEFORE.exec(before);
    const cut = label ? label.index : date.index;
    pieces.push(rest.slice(0, cut), rest.slice(cut, date.end));
    rest = rest.slice(date.end);
  }
  const texts = pieces.map((p) => p.replace(PIECE_EDGES, '')).filter((p) => p !== '');
  if (!dated || texts.length < 2) return null;
  const parts: UnitPart[] = [];
  for (const piece of texts) {
    const score = scoreUnit(unitFeatures(piece));
    if (!score?.remove) return null;
    parts.push({ text: piece, reason: score.reason, detail: score.detail });
  }
  // Bare dates side by side are a date range ("29 November 2018 | 20
  // January 2019", an event's dates in the extraction benchmark), not a row
  // of metadata: a row has a byline, a counter or a labelled date.
  if (parts.every((p) => p.reason === 'date' && !DATE_LABEL_START.test(p.text))) return null;
  return parts;
}

function isAuthorBio(text: string, authors: readonly string[]): boolean {
  for (const name of authors) {
    if (text.startsWith(name) && AUTHOR_BIO_VERB.test(text.slice(name.length))) return true;
  }
  const words = text.split(/\s+/);
  for (let n = 2; n <= 4 && n < words.length; n++) {
    const name = words.slice(0, n).join(' ');
    if (
      isNameLine(name) &&
      AUTHOR_BIO_VERB.test(text.slice(name.length)) &&
      AUTHOR_ROLE.test(text.slice(name.length, name.length + 120))
    ) {
      return true;
    }
  }
  return false;
}
