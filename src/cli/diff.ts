import type { Writable } from 'node:stream';
import { alignPair } from '../align/index.ts';
import { extractArticles } from '../extract/index.ts';
import type {
  Alignment,
  Article,
  Passage,
  Problem,
  WordEdit,
  WordEditKind,
} from '../model/index.ts';
import { readSources } from '../pipeline/index.ts';
import { colorEnabled } from './colors.ts';
import type { Command, CommandIO } from './command.ts';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-code.ts';
import { writeToStream } from './output.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { problemLocation } from './problem-location.ts';

const HELP = `Usage: parallax diff [options] <a> <b>

Show what two articles share, passage by passage, and every word-level edit
between them: spelling, punctuation, function words, number and date
formats, substitutions (loaded-term swaps marked as framing changes),
insertions and deletions. Each input is a file, URL or - (standard input);
the first article found in each is compared.

Options:
  --side-by-side       two columns, a on the left, b on the right
  --width N            line width (default: the terminal's, else 100)
  --format json        write the alignment as JSON instead
  --keep-all           take nothing out of the bodies (page furniture stays)
  --no-paraphrase      align copied passages only, no paraphrase matching
  --allow-private      allow URLs on private, loopback and link-local addresses
  --timeout SECONDS    time limit for fetching one URL
  -h, --help           show this help

In the inline view (the default) each passage shows b's words with a's
words where they differ: [-deleted-]{+inserted+}, and a changed loaded term
as [!old!]{!new!}. Colour (on a terminal, unless NO_COLOR is set) marks the
kind of edit: red deleted, green inserted, yellow substituted, magenta
framing, cyan spelling and number format, dim punctuation and function words.

Examples:
  parallax diff wire.txt copy.html
  parallax diff --side-by-side https://example.com/a https://example.com/b
  parallax diff a.md b.md --format json > alignment.json

${EXIT_CODES_HELP}`;

const OPTIONS = {
  'side-by-side': { type: 'boolean' },
  width: { type: 'string' },
  format: { type: 'string' },
  'keep-all': { type: 'boolean' },
  'no-paraphrase': { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Width when the terminal does not say (a pipe, a file). */
const DEFAULT_WIDTH = 100;
/** Narrowest layout that still reads: two columns of 20 characters. */
const MIN_WIDTH = 43;

/** How each edit kind is shown: the colour (SGR code) and the plain-text markers. */
const STYLE: Record<
  WordEditKind | 'framing',
  { sgr: number; open: [string, string]; close: [string, string] }
> = {
  deletion: { sgr: 31, open: ['[-', '-]'], close: ['', ''] },
  insertion: { sgr: 32, open: ['', ''], close: ['{+', '+}'] },
  substitution: { sgr: 33, open: ['[-', '-]'], close: ['{+', '+}'] },
  framing: { sgr: 35, open: ['[!', '!]'], close: ['{!', '!}'] },
  spelling: { sgr: 36, open: ['[-', '-]'], close: ['{+', '+}'] },
  'number-format': { sgr: 36, open: ['[-', '-]'], close: ['{+', '+}'] },
  punctuation: { sgr: 2, open: ['[-', '-]'], close: ['{+', '+}'] },
  'function-word': { sgr: 2, open: ['[-', '-]'], close: ['{+', '+}'] },
};

/** A stretch of text to print, plain or in the style of an edit kind. */
interface Piece {
  text: string;
  style: WordEditKind | 'framing' | 'dim' | null;
  /** Which side's words: markers differ for the old (a) and new (b) words. */
  side: 'a' | 'b';
}

function styleOf(e: WordEdit): WordEditKind | 'framing' {
  return e.framing ? 'framing' : e.kind;
}

/** Turn pieces into a string: ANSI colours when `color`, else plain-text markers around edits. */
export function paint(pieces: Piece[], color: boolean): string {
  let out = '';
  for (const p of pieces) {
    if (p.text === '') continue;
    if (p.style === null) out += p.text;
    else if (p.style === 'dim') out += color ? `\u001b[2m${p.text}\u001b[22m` : p.text;
    else if (color) {
      const s = STYLE[p.style].sgr;
      out += `\u001b[${s}m${p.text}\u001b[${s === 2 ? 22 : 39}m`;
    } else {
      const [open, close] = p.side === 'a' ? STYLE[p.style].open : STYLE[p.style].close;
      out += `${open}${p.text}${close}`;
    }
  }
  return out;
}

/** One side of a passage as pieces: its text with its edits styled. */
function sidePieces(text: string, passage: Passage, side: 'a' | 'b'): Piece[] {
  const span = passage[side];
  const edits = passage.edits
    .map((e) => ({ e, s: side === 'a' ? e.aSpan : e.bSpan }))
    .filter(({ s }) => s.end > s.start)
    .sort((x, y) => x.s.start - y.s.start);
  const out: Piece[] = [];
  let at = span.start;
  for (const { e, s } of edits) {
    if (s.start < at) continue;
    out.push({ text: text.slice(at, s.start), style: null, side });
    out.push({ text: text.slice(s.start, s.end), style: styleOf(e), side });
    at = s.end;
  }
  out.push({ text: text.slice(at, span.end), style: null, side });
  return out;
}

/** A passage inline: b's words, with a's words where they differ, in b's order. */
function inlinePieces(b: Article, passage: Passage): Piece[] {
  const edits = [...passage.edits].sort(
    (x, y) => x.bSpan.start - y.bSpan.start || x.aSpan.start - y.aSpan.start,
  );
  const out: Piece[] = [];
  let at = passage.b.start;
  for (const e of edits) {
    if (e.bSpan.start < at) continue;
    out.push({ text: b.text.slice(at, e.bSpan.start), style: null, side: 'b' });
    const style = styleOf(e);
    // A deleted word needs a space before the next one when b has none there.
    const gap =
      e.b === '' && /^[\p{L}\p{N}]/u.test(e.a) && /\S$/.test(b.text.slice(0, e.bSpan.start))
        ? ' '
        : '';
    out.push({ text: `${gap}${e.a}`, style, side: 'a' });
    out.push({ text: e.b, style, side: 'b' });
    at = e.bSpan.end;
  }
  out.push({ text: b.text.slice(at, passage.b.end), style: null, side: 'b' });
  return out;
}

/** Spans of a text outside every passage on one side, at least one word long. */
function unaligned(
  text: string,
  passages: Passage[],
  side: 'a' | 'b',
): Array<{ start: number; end: number }> {
  const spans = passages.map((p) => p[side]).sort((x, y) => x.start - y.start);
  const out: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const s of [...spans, { start: text.length, end: text.length }]) {
    if (s.start > at && /[\p{L}\p{N}]/u.test(text.slice(at, s.start))) {
      const raw = text.slice(at, s.start);
      const lead = raw.length - raw.trimStart().length;
      out.push({ start: at + lead, end: at + raw.trimEnd().length });
    }
    at = Math.max(at, s.end);
  }
  return out;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function describe(article: Article, name: string, share: number): string {
  const words = article.text.split(/\s+/).filter((w) => w !== '').length;
  const title = article.headline ? ` — ${article.headline}` : '';
  return `${name}: ${article.source}${title} (${words} words, ${pct(share)} aligned)`;
}

function passageHeader(p: Passage, i: number, n: number): string {
  const kind =
    p.kind === 'paraphrase' && p.sameFact !== undefined
      ? `paraphrase, same fact ${p.sameFact.toFixed(2)}`
      : p.kind;
  return `── passage ${i + 1}/${n} · ${kind} · similarity ${p.similarity.toFixed(2)} · a ${p.a.start}–${p.a.end} · b ${p.b.start}–${p.b.end}`;
}

function framingLines(al: Alignment): string[] {
  return al.passages
    .flatMap((p) => p.edits)
    .filter((e) => e.framing)
    .map((e) => `  ${e.a || '∅'} → ${e.b || '∅'}  (${(e.loaded ?? []).join(', ')})`);
}

function counts(al: Alignment): string {
  const by = new Map<string, number>();
  for (const e of al.passages.flatMap((p) => p.edits)) by.set(e.kind, (by.get(e.kind) ?? 0) + 1);
  return [...by].map(([k, n]) => `${n} ${k}`).join(', ') || 'no edits';
}

/** The inline view: each passage in b's order with a's words where they differ, then what is only in a or b. */
export function renderInline(a: Article, b: Article, al: Alignment, color: boolean): string {
  const dim = (s: string): string => paint([{ text: s, style: 'dim', side: 'b' }], color);
  const lines = [describe(a, 'a', al.coverage.a), describe(b, 'b', al.coverage.b), ''];
  const passages = [...al.passages].sort((x, y) => x.b.start - y.b.start || x.a.start - y.a.start);
  passages.forEach((p, i) => {
    lines.push(dim(passageHeader(p, i, passages.length)));
    lines.push(paint(inlinePieces(b, p), color), '');
  });
  for (const [side, article] of [
    ['b', b],
    ['a', a],
  ] as const) {
    for (const s of unaligned(article.text, al.passages, side)) {
      lines.push(dim(`── only in ${side} · ${s.start}–${s.end}`));
      lines.push(dim(article.text.slice(s.start, s.end)), '');
    }
  }
  lines.push(`${al.passages.length} passage${al.passages.length === 1 ? '' : 's'}; ${counts(al)}`);
  const framing = framingLines(al);
  if (framing.length > 0) lines.push('Framing changes (loaded terms):', ...framing);
  return `${lines.join('\n')}\n`;
}

/** Visible length of a string without ANSI sequences. */
function visible(s: string): number {
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Wrap pieces to `width` columns, breaking at spaces (and inside words longer than a line). */
function wrap(pieces: Piece[], width: number): Piece[][] {
  const lines: Piece[][] = [[]];
  let used = 0;
  const put = (text: string, p: Piece): void => {
    (lines[lines.length - 1] as Piece[]).push({ ...p, text });
    used += text.length;
  };
  const newline = (): void => {
    lines.push([]);
    used = 0;
  };
  for (const p of pieces) {
    for (const part of p.text.split(/(\n+|\s+)/)) {
      if (part === '') continue;
      if (part.includes('\n')) {
        newline();
        if (part.length > 1) newline();
        continue;
      }
      if (/^\s+$/.test(part)) {
        if (used > 0 && used < width) put(' ', p);
        continue;
      }
      let word = part;
      if (used + word.length > width && used > 0) newline();
      while (word.length > width) {
        put(word.slice(0, width), p);
        newline();
        word = word.slice(width);
      }
      put(word, p);
    }
  }
  return lines.map((l) => {
    const last = l[l.length - 1];
    if (last !== undefined && last.text === ' ') l.pop();
    return l;
  });
}

/** The side-by-side view: a's passage on the left, b's on the right, wrapped to `width`. */
export function renderSideBySide(
  a: Article,
  b: Article,
  al: Alignment,
  color: boolean,
  width: number,
): string {
  const col = Math.floor((width - 3) / 2);
  const dim = (s: string): string => paint([{ text: s, style: 'dim', side: 'b' }], color);
  const out = [describe(a, 'a', al.coverage.a), describe(b, 'b', al.coverage.b), ''];
  const passages = [...al.passages].sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
  passages.forEach((p, i) => {
    out.push(dim(passageHeader(p, i, passages.length).slice(0, width)));
    // Without colour the markers are text: wrap them with the words they mark.
    const marked = (pieces: Piece[]): Piece[] =>
      color ? pieces : [{ text: paint(pieces, false), style: null, side: 'a' }];
    const left = wrap(marked(sidePieces(a.text, p, 'a')), col);
    const right = wrap(marked(sidePieces(b.text, p, 'b')), col);
    for (let k = 0; k < Math.max(left.length, right.length); k++) {
      const l = paint(left[k] ?? [], color);
      const r = paint(right[k] ?? [], color);
      out.push(`${l}${' '.repeat(Math.max(0, col - visible(l)))} │ ${r}`.trimEnd());
    }
    out.push('');
  });
  out.push(`${al.passages.length} passage${al.passages.length === 1 ? '' : 's'}; ${counts(al)}`);
  const framing = framingLines(al);
  if (framing.length > 0) out.push('Framing changes (loaded terms):', ...framing);
  return `${out.join('\n')}\n`;
}

function parse(args: string[]) {
  return parseCommandArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

function terminalWidth(io: CommandIO, option: string | undefined): number {
  if (option !== undefined) {
    const n = Number(option);
    if (!Number.isInteger(n) || n < MIN_WIDTH) {
      throw new UsageError(
        `Expected --width to be a whole number of at least ${MIN_WIDTH}, got '${option}'`,
      );
    }
    return n;
  }
  const columns = (io.stdout as Writable & { columns?: number }).columns;
  if (io.stdoutIsTTY && typeof columns === 'number' && columns >= MIN_WIDTH) return columns;
  const env = Number(io.env['COLUMNS']);
  return Number.isInteger(env) && env >= MIN_WIDTH ? env : DEFAULT_WIDTH;
}

async function readArticle(
  input: string,
  io: CommandIO,
  values: { 'keep-all'?: boolean; 'allow-private'?: boolean; timeout?: string },
  problems: Problem[],
): Promise<Article | null> {
  const options: Parameters<typeof readSources>[1] = {
    cwd: io.cwd,
    stdin: io.stdin,
    allowPrivate: values['allow-private'] ?? false,
  };
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new UsageError(
        `Expected --timeout to be a positive number of seconds, got '${values.timeout}'`,
      );
    }
    options.timeoutMs = Math.round(seconds * 1000);
  }
  const read = await readSources([input], options);
  for (const found of read.problems) problems.push(found);
  const extracted = extractArticles(read.sources, { keepAll: values['keep-all'] ?? false });
  for (const found of extracted.problems) problems.push(found);
  const [first, ...rest] = extracted.articles;
  if (first !== undefined && rest.length > 0) {
    problems.push({
      code: 'diff/several-articles',
      message: `${input} holds ${extracted.articles.length} articles; the first (${first.source}) is compared.`,
      source: input,
      severity: 'warning',
    });
  }
  return first ?? null;
}

/** `parallax diff <a> <b>`: align two articles and show their passages and word-level edits. */
export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show what two articles share and every word-level edit between them',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parse(args);
    if (values.help) {
      await writeToStream(io.stdout, `${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length !== 2) {
      throw new UsageError(`Expected two inputs to compare, got ${positionals.length}`);
    }
    if (values.format !== undefined && values.format !== 'json') {
      throw new UsageError(`Expected --format to be json, got '${values.format}'`);
    }
    if (positionals[0] === '-' && positionals[1] === '-') {
      throw new UsageError('Expected at most one input to be - (standard input), got two');
    }
    const width = terminalWidth(io, values.width);
    const problems: Problem[] = [];
    const a = await readArticle(positionals[0] as string, io, values, problems);
    const b = await readArticle(positionals[1] as string, io, values, problems);
    const useColor = colorEnabled(io, 'stdout');
    const errColor = colorEnabled(io, 'stderr');
    for (const p of problems) {
      const severity = p.severity === 'error' ? 'error' : 'warning';
      const label = errColor
        ? `\u001b[${p.severity === 'error' ? 31 : 33}m${severity}\u001b[39m`
        : severity;
      io.stderr.write(`${problemLocation(p)}: ${label}: ${p.message} [${p.code}]\n`);
    }
    if (a === null || b === null) {
      const missing = a === null ? positionals[0] : positionals[1];
      io.stderr.write(`parallax diff: no article could be read from ${missing}\n`);
      return ExitCode.nothingRead;
    }
    const alignment = alignPair(a, b, { paraphrase: !values['no-paraphrase'] });
    let report: string;
    if (values.format === 'json') {
      const side = (x: Article) => ({
        id: x.id,
        source: x.source,
        headline: x.headline,
        text: x.text,
      });
      report = `${JSON.stringify({ a: side(a), b: side(b), alignment }, null, 2)}\n`;
    } else if (values['side-by-side']) {
      report = renderSideBySide(a, b, alignment, useColor, width);
    } else {
      report = renderInline(a, b, alignment, useColor);
    }
    await writeToStream(io.stdout, report);
    return ExitCode.ok;
  },
};
