import type { AgencyMention, Article, RemovalReason, RemovedBlock } from '../model/article.ts';
import type { Problem } from '../model/problem.ts';
import type { Source } from '../model/source.ts';
import { hashHex } from '../text/hash.ts';
import { extractHtml, type HtmlExtraction } from './html/index.ts';
import { MAX_HTML_DEPTH } from './limits.ts';
import { agencyByAlias } from './metadata/agencies.ts';
import {
  type AbbreviationDefinition,
  type AgencyGlossary,
  abbreviationDefinitions,
  canonicalAgencyName,
  isAgencyName,
  learnAgencyNames,
} from './metadata/agency-names.ts';
import {
  authorFromAuthorBox,
  authorFromPhoto,
  isNameLine,
  parseByline,
} from './metadata/bylines.ts';
import { findCites } from './metadata/cites.ts';
import { copyrightHolder } from './metadata/copyright-holder.ts';
import { creditFromLine, readCreditLine, splitSignOff } from './metadata/credits.ts';
import { splitDateline } from './metadata/dateline.ts';
import { normalizeDate } from './metadata/dates.ts';
import { detectLanguage, normalizeLanguageTag } from './metadata/language.ts';
import { outletFromAuthorBio, outletFromFurniture, outletFromUrl } from './metadata/outlet.ts';
import { publishedAtFromLines } from './metadata/published-at.ts';
import {
  type Classification,
  classifyUnits,
  metaRowParts,
  type UnitPart,
} from './text/classify-units.ts';
import { markTemplates } from './text/mark-templates.ts';
import { markdownCost } from './text/markdown-cost.ts';
import { splitMarkdown } from './text/split-markdown.ts';
import { splitPlainText } from './text/split-plain-text.ts';
import type { Unit } from './text/unit.ts';

/** Options of `extractArticles` and `extractArticle`. */
export interface ExtractOptions {
  /**
   * Keep every block in the body, in place: furniture is still detected and
   * listed in `removed`, and the metadata is still read from it, but nothing
   * is taken out of `paragraphs` (for overriding a wrong removal).
   */
  keepAll?: boolean;
}

/** What `extractArticles` returns: the articles it could extract and the problems it met. */
export interface ExtractResult {
  articles: Article[];
  problems: Problem[];
}

/** One source read and classified, before the batch-wide template pass. */
interface Prepared {
  source: Source;
  units: Unit[];
  classification: Classification;
  html: HtmlExtraction | null;
  /** The outlet: from the container, the page metadata, the furniture or the URL host. */
  outlet: string | null;
  /** Template group: the outlet, or '' for every source whose outlet is unknown. */
  group: string;
  /** Agency names the source spells out (credit lines, copyright holders) and abbreviations it defines. */
  agencyNames: string[];
  definitions: AbbreviationDefinition[];
  problems: Problem[];
}

/** What the batch as a whole tells about agencies, for reading each article's credits. */
interface BatchKnowledge {
  /** Abbreviations expanded from every source of the batch ("MPA" -> "Meridian Press Agency"). */
  glossary: AgencyGlossary;
}

const NO_BATCH: BatchKnowledge = { glossary: new Map() };

const FORMATS = new Set(['text', 'markdown', 'html']);

function checkSource(source: unknown, where: string): asserts source is Source {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError(
      `Expected ${where} to be a Source object, got ${source === null ? 'null' : typeof source}`,
    );
  }
  const s = source as Partial<Source>;
  if (typeof s.location !== 'string') {
    throw new TypeError(`Expected ${where}.location to be a string, got ${typeof s.location}`);
  }
  if (typeof s.content !== 'string') {
    throw new TypeError(`Expected ${where}.content to be a string, got ${typeof s.content}`);
  }
  if (!FORMATS.has(s.format as string)) {
    throw new TypeError(
      `Expected ${where}.format to be 'text', 'markdown' or 'html', got ${JSON.stringify(s.format)}`,
    );
  }
  if (typeof s.meta !== 'object' || s.meta === null) {
    throw new TypeError(
      `Expected ${where}.meta to be an object, got ${s.meta === null ? 'null' : typeof s.meta}`,
    );
  }
}

function checkOptions(options: unknown): asserts options is ExtractOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `Expected options to be an object, got ${options === null ? 'null' : typeof options}`,
    );
  }
  const keepAll = (options as ExtractOptions).keepAll;
  if (keepAll !== undefined && typeof keepAll !== 'boolean') {
    throw new TypeError(`Expected options.keepAll to be a boolean, got ${typeof keepAll}`);
  }
}

function tooDeepWarning(location: string, depth: number): Problem {
  const nested =
    depth > MAX_HTML_DEPTH
      ? `nests more than ${MAX_HTML_DEPTH} elements deep`
      : 'holds too many tags under too deep a nesting';
  return {
    code: 'extract/too-deep',
    message: `The HTML of ${location} ${nested} (unclosed tags, or a page built to stall parsers); read its text without the page structure, so page furniture may be left in and no page metadata was read.`,
    source: location,
    severity: 'warning',
  };
}

function prepare(source: Source, keepAll = false): Prepared {
  const problems: Problem[] = [];
  let units: Unit[];
  let html: HtmlExtraction | null = null;
  if (source.format === 'html') {
    try {
      html = extractHtml(source.content, {
        keepAll,
        ...(source.meta.url ? { url: source.meta.url } : {}),
      });
    } catch (error) {
      problems.push({
        code: 'extract/bad-html',
        message: `Could not read the HTML of ${source.location}: ${error instanceof Error ? error.message : String(error)}. Check that the file is an HTML page.`,
        source: source.location,
        severity: 'error',
      });
    }
    units = (html?.paragraphs ?? []).map((text) => ({ text, kind: 'text' as const }));
    if (html?.tooDeep) problems.push(tooDeepWarning(source.location, html.tooDeep.depth));
  } else if (source.format === 'markdown') {
    const tooCostly = markdownCost(source.content);
    if (tooCostly === null) units = splitMarkdown(source.content);
    else {
      problems.push({
        code: 'extract/markdown-as-text',
        message: `Read ${source.location} as plain text, not Markdown: ${tooCostly}. Markdown syntax stays in its text.`,
        source: source.location,
        severity: 'warning',
      });
      units = splitPlainText(source.content);
    }
  } else {
    units = splitPlainText(source.content);
  }
  const classification = classifyUnits(units, {
    knownHeadline: html ? html.headline : (source.meta.title ?? null),
    findHeadline: source.format !== 'html',
    structure: source.format === 'html' ? 'markup' : 'text',
  });
  const furniture = removedPieces(units, classification);
  const outlet =
    source.meta.outlet ?? html?.outlet ?? furnitureOutlet(furniture) ?? urlOutlet(source, html);
  const { agencyNames, definitions } = agencyKnowledge(units, furniture, html);
  return {
    source,
    units,
    classification,
    html,
    outlet,
    group: outlet ?? '',
    agencyNames,
    definitions,
    problems,
  };
}

/** A removed unit, or one piece of a unit removed in pieces, with the index of its unit. */
interface RemovedPiece extends UnitPart {
  unit: number;
}

/** Every removed unit of a source, in page order, a unit removed in pieces as its pieces. */
function removedPieces(units: readonly Unit[], classification: Classification): RemovedPiece[] {
  const out: RemovedPiece[] = [];
  units.forEach((unit, i) => {
    const verdict = classification.verdicts[i];
    if (!verdict || verdict.reason === null) return;
    if (verdict.parts) for (const part of verdict.parts) out.push({ ...part, unit: i });
    else
      out.push({ text: unit.text, reason: verdict.reason, detail: verdict.detail ?? '', unit: i });
  });
  return out;
}

/**
 * The outlet named in the page's own furniture: its appeals and copyright
 * line first, then an author box ("news editor of the Tidewater Lantern"),
 * which may also name a school or a former employer.
 */
function furnitureOutlet(pieces: readonly RemovedPiece[]): string | null {
  for (const piece of pieces) {
    const name = outletFromFurniture(piece.text);
    if (name) return name;
  }
  for (const piece of pieces) {
    if (piece.reason !== 'author-box') continue;
    const name = outletFromAuthorBio(piece.text);
    if (name) return name;
  }
  return null;
}

/**
 * Agency names a source spells out, for expanding abbreviations in the
 * batch: agencies named by credit lines ("Additional reporting by
 * Meridian Press Agency"), copyright holders ("(c) Meridian Press Agency
 * 2025"), and abbreviations defined in any block ("the Meridian Press
 * Agency (MPA)").
 */
function agencyKnowledge(
  units: readonly Unit[],
  furniture: readonly RemovedPiece[],
  html: HtmlExtraction | null,
): { agencyNames: string[]; definitions: AbbreviationDefinition[] } {
  const agencyNames: string[] = [];
  const blocks = [...furniture, ...(html?.removed ?? [])];
  for (const block of blocks) {
    const credited = readCreditLine(block.text)?.agency;
    if (credited) agencyNames.push(credited);
    if (block.reason === 'legal' || block.reason === 'credit-line') {
      const holder = copyrightHolder(block.text);
      if (holder) agencyNames.push(holder);
    }
  }
  const definitions = [
    ...units.map((u) => u.text),
    ...(html?.removed ?? []).map((r) => r.text),
  ].flatMap(abbreviationDefinitions);
  return { agencyNames, definitions };
}

function urlOutlet(source: Source, html: HtmlExtraction | null): string | null {
  const url = html?.url ?? source.meta.url;
  return url ? outletFromUrl(url) : null;
}

function addUnique(list: AgencyMention[], mention: AgencyMention | null): void {
  if (mention && !list.some((m) => m.name === mention.name)) list.push(mention);
}

function addName(list: string[], name: string | null | undefined): void {
  const clean = name?.replace(/\s+/g, ' ').trim();
  if (clean && !list.some((n) => n.toLowerCase() === clean.toLowerCase())) list.push(clean);
}

/** JSON with object keys sorted at every level: the same value always gives the same string. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function describeRemoved(removed: readonly RemovedBlock[]): string {
  const counts = new Map<RemovalReason, number>();
  for (const r of removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
}

/**
 * A byline or date block of the HTML extractor that is a metadata row run
 * together ("by Jonah Pell Thursday, Mar 06, 2025 - 10:05 AM 12 comments"),
 * as its pieces with their own reasons (see `metaRowParts`); any other
 * block as it is.
 */
function splitMetaRow(block: RemovedBlock): RemovedBlock[] {
  if (block.reason !== 'byline' && block.reason !== 'date') return [block];
  const parts = metaRowParts(block.text);
  return parts ? parts.map((p) => ({ text: p.text, reason: p.reason, detail: p.detail })) : [block];
}

/** Abbreviations the glossaries expand to an agency name: they count as agencies in sign-offs. */
function knownAgencyAbbreviations(glossaries: readonly AgencyGlossary[]): Set<string> {
  const out = new Set<string>();
  for (const glossary of glossaries) {
    for (const [abbreviation, name] of glossary) if (isAgencyName(name)) out.add(abbreviation);
  }
  return out;
}

/** Alias -> canonical name of every agency the glossaries know, for finding cites. */
function citeAliases(glossaries: readonly AgencyGlossary[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const glossary of glossaries) {
    for (const [abbreviation, name] of glossary) {
      if (!isAgencyName(name) || agencyByAlias(name)) continue;
      if (!out.has(abbreviation)) out.set(abbreviation, name);
      if (!out.has(name)) out.set(name, name);
    }
  }
  return out;
}

function finish(
  prepared: Prepared,
  keepAll: boolean,
  batch: BatchKnowledge,
): { article: Article | null; problems: Problem[] } {
  const { source, units, html } = prepared;
  const { verdicts } = prepared.classification;
  const problems = [...prepared.problems];
  const meta = source.meta;
  // The article's own spelled-out names first, then the batch's.
  const glossaries = [learnAgencyNames(prepared.agencyNames, prepared.definitions), batch.glossary];

  // Body units, and the dateline and sign-off cut from the first and last.
  const body = units.map((_, i) => i).filter((i) => verdicts[i]?.reason === null);
  const texts = units.map((u) => u.text);
  const inline = new Map<number, { before?: RemovedBlock; after?: RemovedBlock }>();
  let dateline: string | null = null;
  let datelineCredit: AgencyMention | null = null;
  const firstBody = body[0];
  if (firstBody !== undefined) {
    const found = splitDateline(texts[firstBody] ?? '');
    if (found) {
      dateline = found.place;
      datelineCredit = found.credit;
      if (!keepAll) texts[firstBody] = found.rest;
      inline.set(firstBody, {
        before: {
          text: found.prefix.trim(),
          reason: 'dateline',
          detail: 'dateline: the place (and agency) opening the first paragraph',
        },
      });
    }
  }
  const lastBody = body[body.length - 1];
  let signOff: AgencyMention | null = null;
  if (lastBody !== undefined) {
    const found = splitSignOff(texts[lastBody] ?? '', {
      agencies: knownAgencyAbbreviations(glossaries),
    });
    if (found) {
      signOff = found.credit;
      if (!keepAll) texts[lastBody] = found.rest;
      inline.set(lastBody, {
        ...inline.get(lastBody),
        after: {
          text: found.suffix.trim(),
          reason: 'credit-line',
          detail: "sign-off: an agency credit after the last sentence ('-REUTERS')",
        },
      });
    }
  }

  const pieces = removedPieces(units, prepared.classification);
  // For HTML the units are the extractor's paragraphs; each of its removed
  // blocks (a metadata row as its pieces) goes before the unit it preceded
  // on the page, so `removed` is in page order with what is cut from units.
  const htmlPlaced = (html?.removed ?? []).flatMap((block, k) => {
    const at = html?.removedAt[k] ?? 0;
    return splitMetaRow(block).map((piece) => ({ piece, at }));
  });
  const htmlRemoved = htmlPlaced.map((p) => p.piece);
  const removed: RemovedBlock[] = [];
  let nextHtml = 0;
  const htmlBlocksBefore = (unit: number): void => {
    for (; nextHtml < htmlPlaced.length; nextHtml++) {
      const placed = htmlPlaced[nextHtml] as { piece: RemovedBlock; at: number };
      if (placed.at > unit) break;
      removed.push(placed.piece);
    }
  };
  // With keepAll the HTML extractor's removed blocks are also units here
  // (kept in the body); the text classifier must not list them a second time.
  const listedByHtml = new Map<string, number>();
  if (keepAll) {
    for (const r of htmlRemoved) listedByHtml.set(r.text, (listedByHtml.get(r.text) ?? 0) + 1);
  }
  const paragraphs: string[] = [];
  let next = 0;
  units.forEach((_, i) => {
    const verdict = verdicts[i];
    const extra = inline.get(i);
    htmlBlocksBefore(i);
    if (extra?.before) removed.push(extra.before);
    for (; next < pieces.length && pieces[next]?.unit === i; next++) {
      const piece = pieces[next] as RemovedPiece;
      const already = listedByHtml.get(piece.text) ?? 0;
      if (already > 0) {
        listedByHtml.set(piece.text, already - 1);
        continue;
      }
      removed.push(
        piece.detail
          ? { text: piece.text, reason: piece.reason, detail: piece.detail }
          : { text: piece.text, reason: piece.reason },
      );
    }
    if (extra?.after) removed.push(extra.after);
    const text = texts[i] ?? '';
    if ((keepAll || verdict?.reason === null) && text.trim() !== '') paragraphs.push(text);
  });
  htmlBlocksBefore(Number.POSITIVE_INFINITY);

  if (paragraphs.length === 0) {
    // An unreadable page already has its problem; no body follows from it.
    if (problems.some((p) => p.severity === 'error')) return { article: null, problems };
    const what =
      units.length === 0 && removed.length === 0
        ? 'found no text at all'
        : `found ${units.length} block${units.length === 1 ? '' : 's'}, and every one was page furniture (${describeRemoved(removed)})`;
    problems.push({
      code: 'extract/no-body',
      message: `No article text left in ${source.location}: ${what}. If that is wrong, run again with --keep-all to keep every block in the body.`,
      source: source.location,
      severity: 'error',
    });
    return { article: null, problems };
  }

  // Metadata from the furniture: headline, bylines, credits, dates, outlet.
  const headlineIndex = prepared.classification.headline;
  const headline =
    html?.headline ??
    (headlineIndex >= 0 ? (units[headlineIndex]?.text ?? null) : (meta.title ?? null));
  const outlet = prepared.outlet;
  const ownName = outlet ? canonicalAgencyName(outlet, glossaries) : null;
  const bylines: string[] = [];
  for (const name of meta.bylines ?? []) addName(bylines, name);
  for (const name of html?.bylines ?? []) addName(bylines, name);

  // Credits in page order: the head's byline and credit lines, the
  // dateline, the sign-off, the foot's credit lines, then the HTML
  // extractor's removed blocks. Each agency once, under its canonical name;
  // a copyright line naming the article's own outlet credits nobody.
  const credits: AgencyMention[] = [];
  const credit = (mention: AgencyMention | null | undefined): void => {
    if (!mention) return;
    const name = canonicalAgencyName(mention.name, glossaries);
    addUnique(credits, { name, evidence: mention.evidence });
  };
  const pieceCredit = (text: string, reason: RemovalReason): AgencyMention | null => {
    if (reason === 'byline' || reason === 'author-box') return parseByline(text)?.credit ?? null;
    if (reason !== 'credit-line' && reason !== 'legal') return null;
    const found = creditFromLine(text);
    if (found && reason === 'legal' && canonicalAgencyName(found.name, glossaries) === ownName) {
      return null;
    }
    return found;
  };
  const datedLines: Array<{ text: string; reason: RemovalReason }> = [];
  for (const piece of pieces) {
    if (firstBody !== undefined && piece.unit > firstBody) break;
    credit(pieceCredit(piece.text, piece.reason));
  }
  credit(datelineCredit);
  credit(signOff);
  for (const piece of pieces) {
    if (firstBody === undefined || piece.unit > firstBody)
      credit(pieceCredit(piece.text, piece.reason));
  }
  for (const r of htmlRemoved) {
    if (r.reason === 'credit-line' || r.reason === 'byline') {
      credit(creditFromLine(r.text) ?? parseByline(r.text)?.credit ?? null);
    }
  }
  for (const piece of [...htmlRemoved, ...pieces]) {
    datedLines.push({ text: piece.text, reason: piece.reason });
    if (piece.reason === 'byline' || piece.reason === 'author-box') {
      const byline = parseByline(piece.text);
      const named = authorFromPhoto(piece.text) ?? authorFromAuthorBox(piece.text);
      const nameLine = piece.reason === 'byline' && isNameLine(piece.text) ? piece.text : null;
      for (const name of byline ? byline.names : [named ?? nameLine]) addName(bylines, name);
    }
  }

  let publishedAt: string | null = null;
  for (const candidate of [html?.publishedAt, meta.publishedAt]) {
    if (!candidate || publishedAt !== null) continue;
    publishedAt = normalizeDate(candidate);
    if (publishedAt === null) {
      problems.push({
        code: 'extract/bad-date',
        message: `Could not read the publication time '${candidate}' given for ${source.location}; the date shown on the page is used if there is one.`,
        source: source.location,
        severity: 'warning',
      });
    }
  }
  publishedAt ??= publishedAtFromLines(datedLines);

  const url = html?.url ?? meta.url ?? null;
  const text = paragraphs.join('\n\n');
  const cites = findCites(text, {
    ...(ownName ? { exclude: [ownName] } : {}),
    aliases: citeAliases(glossaries),
  });
  const language =
    detectLanguage(text) ?? normalizeLanguageTag(html?.language ?? meta.language ?? '');

  const content = {
    headline,
    text,
    bylines,
    publishedAt,
    dateline,
    outlet,
    credits,
    cites,
    language,
  };
  const article: Article = {
    id: hashHex(canonicalJson(content)),
    source: source.location,
    url,
    headline,
    bylines,
    publishedAt,
    dateline,
    outlet,
    credits,
    cites,
    language,
    text,
    paragraphs,
    removed,
  };
  return { article, problems };
}

/**
 * Extract clean articles from a batch of sources: body paragraphs, every
 * removed block with its reason, and the metadata (headline, bylines,
 * publication time, dateline, outlet, credited and cited agencies,
 * language). Reading the batch together finds template blocks: a
 * paragraph repeated verbatim in two or more articles of one outlet (or of
 * the batch, when outlets are unknown) that does not read like story copy;
 * and it expands agency abbreviations one source spells out for the
 * others (a copy signed "-MPA" is credited to the "Meridian Press Agency"
 * that the wire's copyright line names).
 * A source left with no body gives an `extract/no-body` problem, not an
 * article. Pure and deterministic.
 *
 * @example extractArticles([{ location: 'a.txt', format: 'text', content, meta: {} }]).articles[0].headline
 */
export function extractArticles(
  sources: readonly Source[],
  options: ExtractOptions = {},
): ExtractResult {
  if (!Array.isArray(sources)) {
    throw new TypeError(
      `Expected sources to be an array of Source, got ${sources === null ? 'null' : typeof sources}`,
    );
  }
  checkOptions(options);
  sources.forEach((s, i) => {
    checkSource(s, `sources[${i}]`);
  });
  const prepared = sources.map((source) => prepare(source, options.keepAll === true));
  if (prepared.length > 1) {
    markTemplates(
      prepared.map((p) => ({
        group: p.group,
        texts: p.units.map((u) => u.text),
        features: p.classification.features,
        verdicts: p.classification.verdicts,
      })),
    );
  }
  const batch: BatchKnowledge = {
    glossary: learnAgencyNames(
      prepared.flatMap((p) => p.agencyNames),
      prepared.flatMap((p) => p.definitions),
    ),
  };
  const articles: Article[] = [];
  const problems: Problem[] = [];
  for (const p of prepared) {
    const result = finish(p, options.keepAll === true, batch);
    if (result.article) articles.push(result.article);
    problems.push(...result.problems);
  }
  return { articles, problems };
}

/**
 * Extract one article from one source (no cross-article template pass; use
 * `extractArticles` for a batch). `article` is null when no body text is
 * left, with an `extract/no-body` problem saying what was found.
 *
 * @example extractArticle({ location: 'a.md', format: 'markdown', content: '# Title\n\nText.', meta: {} }).article?.headline // 'Title'
 */
export function extractArticle(
  source: Source,
  options: ExtractOptions = {},
): { article: Article | null; problems: Problem[] } {
  checkSource(source, 'source');
  checkOptions(options);
  return finish(prepare(source, options.keepAll === true), options.keepAll === true, NO_BATCH);
}
