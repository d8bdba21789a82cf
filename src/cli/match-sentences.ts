import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { parseSentencePairs } from '../compare/index.ts';
import {
  numberConflict,
  profileSimilarity,
  SAME_FACT_THRESHOLD,
  sentenceProfile,
} from '../text/sentence-similarity.ts';
import type { Command } from './command.ts';
import { ExitCode } from './exit-code.ts';
import { problemLocation } from './problem-location.ts';

const HELP = `Usage: parallax match-sentences FILE

Decide for each pair of sentences whether they carry the same fact.

FILE is tab-separated in the MSRP layout (or - for standard input): a header
row, then one pair per line as
  label <TAB> id <TAB> id <TAB> sentence <TAB> sentence
The label column may be empty. A byte-order mark and CRLF line ends are fine.

Prints one line per pair, in input order: the decision (1 = same fact,
0 = not) and the score in 0..1, tab-separated, e.g. "1\t0.8731". The
decision is 1 when the score reaches the threshold and the two sentences
do not state different figures (both hold numbers, none in common).
Bad lines are reported on standard error with their line number and skipped.

Options:
  -h, --help   show this help

Example:
  parallax match-sentences pairs.tsv
  printf 'q\tid1\tid2\ts1\ts2\n\t1\t2\tHe left.\tHe went away.\n' | parallax match-sentences -

Exit codes:
  0  success (bad lines, if any, are listed on standard error)
  1  nothing could be read: FILE cannot be read or holds no sentence pair
  2  usage error (unknown option, not exactly one FILE)`;

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `parallax match-sentences FILE`: same-fact decisions and scores for MSRP-layout sentence pairs. */
export const matchSentencesCommand: Command = {
  name: 'match-sentences',
  summary: 'Score tab-separated sentence pairs: do they carry the same fact?',
  help: HELP,
  async run(args, io) {
    if (args.includes('-h') || args.includes('--help')) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    const files = args.filter((a) => a !== '--');
    const unknown = files.filter((a) => a.startsWith('-') && a !== '-');
    if (unknown.length > 0 || files.length !== 1) {
      const why =
        unknown.length > 0
          ? `unknown option ${unknown[0]}`
          : `expected one FILE (or -), got ${files.length}`;
      io.stderr.write(`parallax match-sentences: ${why}\nTry: parallax match-sentences --help\n`);
      return ExitCode.usage;
    }
    const file = files[0] as string;
    let text: string;
    try {
      text = file === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr.write(`parallax match-sentences: cannot read ${file}: ${reason}\n`);
      return ExitCode.nothingRead;
    }
    const { pairs, problems } = parseSentencePairs(text, file);
    for (const p of problems) {
      io.stderr.write(`${p.severity} ${problemLocation(p)}: ${p.message} [${p.code}]\n`);
    }
    let out = '';
    for (const pair of pairs) {
      const a = sentenceProfile(pair.a);
      const b = sentenceProfile(pair.b);
      const s = profileSimilarity(a, b);
      // The decision is isSameFact's: the score's threshold and no conflict of figures.
      const same = s >= SAME_FACT_THRESHOLD && !numberConflict(a, b);
      out += `${same ? 1 : 0}\t${s.toFixed(4)}\n`;
    }
    io.stdout.write(out);
    if (pairs.length === 0) {
      io.stderr.write(`parallax match-sentences: no sentence pairs found in ${file}\n`);
      return ExitCode.nothingRead;
    }
    return ExitCode.ok;
  },
};
