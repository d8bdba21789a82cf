import type { Analysis, Article, Problem, Story } from '../model/index.ts';
import { analyze, GROUP_STEPS } from '../pipeline/index.ts';
import type { Command } from './command.ts';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-code.ts';
import { jsonChunks } from './format-json.ts';
import { parseMaxBytes } from './max-bytes.ts';
import { type ReportContent, writeOutputFile, writeToStream } from './output.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { problemLocation } from './problem-location.ts';

const HELP = `Usage: parallax group [options] <inputs...>

Read news articles, extract them, and find which tell the same story and
which are copies of each other: stories (one real-world event each) with
the relation of every pair inside (duplicate, derived, same-story, with
containment both ways, Jaccard and topical similarity), and topics (stories
about the same kind of thing). Nothing else runs.

Inputs: files, folders, globs, URLs and - (as for 'parallax analyze').

Options:
  --format json|summary  the stories, topics and problems as JSON, or a short
                         summary (default)
  -o, --output FILE      write to FILE instead of standard output
  --max-bytes SIZE       cap on one input (file, stdin, URL) and on what its
                         gzip expands to: 64M, 1G (default 32M)
  -q, --quiet            print nothing on stderr but fatal errors
  -h, --help             show this help

Examples:
  parallax group ../shared/seeds
  parallax group news/ --format json -o stories.json

${EXIT_CODES_HELP}`;

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'max-bytes': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(args: string[]) {
  return parseCommandArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

/** The short summary: one line per story of two or more articles, then the singles and topics. */
export function formatGroupSummary(
  articles: readonly Article[],
  stories: readonly Story[],
  topicCount: number,
  problems: readonly Problem[],
): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const name = (id: string) => {
    const a = byId.get(id);
    return a?.headline ?? a?.source ?? id;
  };
  const multi = stories.filter((s) => s.articleIds.length > 1);
  const lines = [
    `${articles.length} article(s), ${stories.length} stories (${multi.length} with two or more articles), ${topicCount} topic(s)`,
  ];
  for (const s of multi) {
    const kinds = { duplicate: 0, derived: 0, 'same-story': 0 };
    for (const r of s.relations) kinds[r.kind]++;
    lines.push(
      '',
      `story ${s.id}: ${s.articleIds.length} articles; ${kinds.duplicate} duplicate, ${kinds.derived} derived, ${kinds['same-story']} same-story pair(s)`,
    );
    for (const id of s.articleIds) lines.push(`  ${name(id)}`);
  }
  const singles = stories.length - multi.length;
  if (singles > 0) lines.push('', `${singles} article(s) tell a story no other article tells.`);
  if (problems.length > 0) {
    lines.push('', `${problems.length} problem(s):`);
    for (const p of problems)
      lines.push(`  ${problemLocation(p)}: ${p.severity}: ${p.message} [${p.code}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** `parallax group <inputs...>`: extract articles and print their stories and relations alone. */
export const groupCommand: Command = {
  name: 'group',
  summary: 'Find which articles tell the same story, and which are copies',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parse(args);
    if (values.help) {
      await writeToStream(io.stdout, `${HELP}\n`);
      return ExitCode.ok;
    }
    const format = values.format ?? 'summary';
    if (format !== 'json' && format !== 'summary') {
      throw new UsageError(`Expected --format to be json or summary, got '${format}'`);
    }
    if (positionals.length === 0) {
      throw new UsageError(
        'Expected at least one input (a file, folder, glob, URL or -), got none',
      );
    }
    // Extract and group (the pipeline's group steps), nothing else.
    const analysis = await analyze(positionals, {
      cwd: io.cwd,
      stdin: io.stdin,
      steps: GROUP_STEPS,
      maxBytes: parseMaxBytes(values['max-bytes']),
    });
    const { stories, topics, problems } = analysis;
    // Chunks, not one string: a big batch's JSON can pass V8's string cap.
    const out: ReportContent =
      format === 'json'
        ? groupJsonChunks(stories, topics, problems)
        : formatGroupSummary(analysis.articles, stories, topics.length, problems);
    if (values.output !== undefined) {
      await writeOutputFile(values.output, out, io.cwd);
      if (!values.quiet) io.stderr.write(`Wrote ${values.output}: ${stories.length} stories\n`);
    } else {
      await writeToStream(io.stdout, out);
    }
    if (analysis.articles.length === 0) {
      io.stderr.write(
        `parallax group: nothing could be read from ${positionals.length} input(s)\n`,
      );
      return ExitCode.nothingRead;
    }
    return ExitCode.ok;
  },
};

/** `parallax group --format json` as chunks, written as they are made. */
function* groupJsonChunks(
  stories: Analysis['stories'],
  topics: Analysis['topics'],
  problems: Analysis['problems'],
): Generator<string> {
  yield* jsonChunks({ stories, topics, problems });
  yield '\n';
}
