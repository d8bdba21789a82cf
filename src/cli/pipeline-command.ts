import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IoError } from '../io/index.ts';
import type { Analysis } from '../model/index.ts';
import { type AnalyzeOptions, analyze, type PipelineStep } from '../pipeline/index.ts';
import { isStoryAnalysis, renderHtml, renderMarkdown } from '../report/index.ts';
import { colorEnabled, createColors } from './colors.ts';
import type { Command, CommandIO } from './command.ts';
import { ExitCode, UsageError } from './exit-code.ts';
import { formatJsonChunks } from './format-json.ts';
import { formatMarkdown } from './format-markdown.ts';
import { formatSummary } from './format-summary.ts';
import { parseMaxBytes } from './max-bytes.ts';
import {
  chooseFormat,
  type OutputFormat,
  openInViewer,
  type ReportContent,
  writeOutputFile,
  writeToStream,
} from './output.ts';
import { problemLocation } from './problem-location.ts';
import { createProgress, noProgress } from './progress.ts';

/** The options `analyze` and `extract` share, as `util.parseArgs` takes them. */
const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'keep-all': { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  'follow-symlinks': { type: 'boolean' },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-progress': { type: 'boolean' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options paragraph of `analyze --help` and `extract --help`. */
export const PIPELINE_OPTIONS_HELP = `Inputs:
  files, folders (read recursively), globs ('news/**/*.html'), URLs, and -
  for standard input. Formats: .txt .md .html .xml (RSS/Atom) .json (JSON
  Feed) .jsonl .warc and .warc.gz, recognised by content as well as by name.

Options:
  --format json|md|html
                       write the JSON, Markdown or HTML report instead of the
                       summary for the terminal
  -o, --output FILE    write the report to FILE; the format comes from its
                       extension (.json, .md, .html) unless --format says otherwise
  --open               open the -o FILE with the default application once written
  --keep-all           take nothing out of the body: page furniture is still
                       listed as removed, but stays in the text too
  --allow-private      allow URLs on private, loopback and link-local addresses
  --follow-symlinks    follow symbolic links inside folders
  --timeout SECONDS    time limit for fetching one URL
  --max-bytes SIZE     largest input read: a file, standard input, a URL, and
                       what a gzip stream in it expands to (default 32M;
                       64M, 1G). Memory grows with it: an archive of dense
                       pages peaks near 1 GiB at 32M and 1.5 GiB at 64M
  -q, --quiet          print nothing on stderr but fatal errors
  --no-progress        no progress line on stderr (it only shows on a terminal)
  -h, --help           show this help

Results go to standard output (or FILE), diagnostics to standard error.
Colour only on a terminal, and never when NO_COLOR is set.`;

/** What makes `analyze` and `extract` differ. */
export interface PipelineCommandSpec {
  name: string;
  summary: string;
  help: string;
  steps: readonly PipelineStep[];
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs says "Unknown option '--x'. To specify a positional argument starting with a '-', ..."
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split('. ')[0] ?? message, { cause: error });
  }
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`Expected --timeout to be a positive number of seconds, got '${value}'`);
  }
  return Math.round(seconds * 1000);
}

const FORMAT_NAMES: Record<OutputFormat | 'summary', string> = {
  json: 'JSON',
  md: 'Markdown',
  html: 'HTML',
  summary: 'summary',
};

function renderWhole(analysis: Analysis, format: OutputFormat | undefined, io: CommandIO): string {
  if (format === 'html') return renderHtml(analysis);
  // Analysed stories get the brief and its tables; articles alone, their listing.
  if (format === 'md') {
    return analysis.stories.some(isStoryAnalysis)
      ? renderMarkdown(analysis)
      : formatMarkdown(analysis);
  }
  return formatSummary(analysis, createColors(colorEnabled(io, 'stdout')));
}

/**
 * The report. JSON comes as chunks, written as they are made; the other
 * formats are built as one string, which V8 caps at about 512 MB: past
 * it, the run fails as an output error that points to the JSON.
 *
 * @throws {IoError} `io/unwritable` when a Markdown, HTML or summary report is too big for one string.
 */
function render(
  analysis: Analysis,
  format: OutputFormat | undefined,
  io: CommandIO,
  target: string,
): ReportContent {
  if (format === 'json') return formatJsonChunks(analysis);
  try {
    return renderWhole(analysis, format, io);
  } catch (error) {
    // V8's own message when a string would pass its length limit.
    if (!(error instanceof RangeError && /Invalid string length/.test(error.message))) throw error;
    const name = FORMAT_NAMES[format ?? 'summary'];
    throw new IoError(
      'io/unwritable',
      `The ${name} report of ${plural(analysis.articles.length, 'article')} is too large to build (past V8's limit of about 512 MB for one string); write it as JSON (--format json), which is streamed, or split the inputs.`,
      target,
      { cause: error },
    );
  }
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/**
 * A command that reads inputs and runs pipeline steps on them, writing the
 * summary, JSON or Markdown: `analyze` and `extract` are two of these.
 */
export function pipelineCommand(spec: PipelineCommandSpec): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(args, io) {
      const { values, positionals } = parse(args);
      if (values.help) {
        await writeToStream(io.stdout, `${spec.help}\n`);
        return ExitCode.ok;
      }
      if (positionals.length === 0) {
        throw new UsageError(
          'Expected at least one input (a file, folder, glob, URL or -), got none',
        );
      }
      const format = chooseFormat(values.format, values.output);
      if (values.open && values.output === undefined) {
        throw new UsageError('Expected -o FILE with --open, got no -o');
      }
      const quiet = values.quiet ?? false;
      const timeoutMs = parseTimeout(values.timeout);
      const maxBytes = parseMaxBytes(values['max-bytes']);
      const progress =
        io.stderrIsTTY && !quiet && !values['no-progress'] ? createProgress(io.stderr) : noProgress;

      const options: AnalyzeOptions = {
        cwd: io.cwd,
        stdin: io.stdin,
        steps: spec.steps,
        keepAll: values['keep-all'] ?? false,
        allowPrivate: values['allow-private'] ?? false,
        followSymlinks: values['follow-symlinks'] ?? false,
        onProgress: (event) => progress.update(event.phase, event.done, event.total, event.detail),
      };
      if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
      if (maxBytes !== undefined) options.maxBytes = maxBytes;
      let analysis: Analysis;
      try {
        analysis = await analyze(positionals, options);
      } finally {
        progress.done();
      }

      const report = render(analysis, format, io, values.output ?? 'stdout');
      // The terminal summary lists the problems itself; a report written
      // elsewhere gets them on stderr too, so a person running it sees them.
      const diagnostics = !quiet && (format !== undefined || values.output !== undefined);
      if (diagnostics) {
        const c = createColors(colorEnabled(io, 'stderr'));
        for (const p of analysis.problems) {
          const severity = p.severity === 'error' ? c.red('error') : c.yellow('warning');
          io.stderr.write(`${problemLocation(p)}: ${severity}: ${p.message} [${p.code}]\n`);
        }
      }
      if (values.output !== undefined) {
        await writeOutputFile(values.output, report, io.cwd);
        if (values.open) {
          openInViewer(resolve(io.cwd, values.output), (message) =>
            io.stderr.write(`${message}\n`),
          );
        }
        if (!quiet) {
          io.stderr.write(
            `Wrote ${values.output}: ${plural(analysis.articles.length, 'article')}, ${plural(analysis.problems.length, 'problem')}\n`,
          );
        }
      } else {
        await writeToStream(io.stdout, report);
      }

      if (analysis.articles.length === 0) {
        const why =
          analysis.problems.length > 0
            ? `; see the ${plural(analysis.problems.length, 'problem')}`
            : '';
        io.stderr.write(
          `parallax ${spec.name}: nothing could be read from ${plural(positionals.length, 'input')}${why}\n`,
        );
        return ExitCode.nothingRead;
      }
      return ExitCode.ok;
    },
  };
}
