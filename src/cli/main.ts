#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeCommand } from './analyze.ts';
import type { Command, CommandIO } from './command.ts';
import { diffCommand } from './diff.ts';
import { ExitCode, exitCodeFor, failureMessage, UsageError } from './exit-code.ts';
import { extractCommand } from './extract.ts';
import { groupCommand } from './group.ts';
import { ingestCommand } from './ingest.ts';
import { jobsCommand } from './jobs.ts';
import { matchSentencesCommand } from './match-sentences.ts';
import { serveCommand } from './serve.ts';
import { watchCommand } from './watch.ts';
import { workerCommand } from './worker.ts';

/** Every command, in the order `parallax --help` lists them: adding one is an import and an entry. */
export const COMMANDS: readonly Command[] = [
  analyzeCommand,
  extractCommand,
  groupCommand,
  matchSentencesCommand,
  diffCommand,
  ingestCommand,
  workerCommand,
  watchCommand,
  jobsCommand,
  serveCommand,
];

/** The package version, read from package.json (two folders up in src/ and in dist/ alike). */
function packageVersion(): string {
  try {
    const json: unknown = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    if (
      typeof json === 'object' &&
      json !== null &&
      'version' in json &&
      typeof json.version === 'string'
    ) {
      return json.version;
    }
  } catch {
    // Reported as 'unknown' below: a missing version must not stop the tool.
  }
  return 'unknown';
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 'help <command>'.length) + 2;
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return `Usage: parallax <command> [options] [inputs...]

See one news story through every outlet: extract clean articles from pages,
feeds and archives, and compare how outlets covered the same story.

Commands:
${lines.join('\n')}
  ${'help <command>'.padEnd(width)}Show a command's options, examples and exit codes

Options:
  -h, --help     show this help
  -v, --version  show the version

Run 'parallax help <command>' (or 'parallax <command> --help') for details.
`;
}

/** Run the program's arguments: a top-level flag, `help`, or a command. Throws `UsageError` on wrong usage. */
async function dispatch(argv: string[], io: CommandIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(usage());
    return ExitCode.usage;
  }
  if (first === '-h' || first === '--help') {
    io.stdout.write(usage());
    return ExitCode.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      io.stdout.write(usage());
      return ExitCode.ok;
    }
    if (rest.length > 1)
      throw new UsageError(`Expected one command name after 'help', got ${rest.length}`);
    io.stdout.write(`${findCommand(rest[0] as string).help}\n`);
    return ExitCode.ok;
  }
  return findCommand(first).run(rest, io);
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const known = COMMANDS.map((c) => c.name).join(', ');
  const what = name.startsWith('-') ? `Unknown option '${name}'` : `Unknown command '${name}'`;
  throw new UsageError(`${what}; the commands are ${known}`);
}

/**
 * Run `parallax` with the arguments after the program name, on the given
 * streams; resolves to the exit code. Whatever a command throws is turned
 * into a message and an exit code here, by `exitCodeFor`. The file runs it
 * on the process when executed directly; tests call it in process.
 *
 * @example await main(['analyze', 'examples/harbour-crane', '--format', 'json'], io) // => 0
 */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const name = COMMANDS.some((c) => c.name === argv[0]) ? (argv[0] as string) : '';
    io.stderr.write(failureMessage(name, error));
    return exitCodeFor(error);
  }
}

/** Whether this module is the program Node was asked to run (also through the npm bin symlink). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A closed pipe (`parallax ... | head`) is reported through the write
  // callback as an IoError; without a listener it would also crash.
  process.stdout.on('error', () => {});
  process.exitCode = await main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  });
}
