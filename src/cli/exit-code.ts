import { IoError } from '../io/index.ts';
import { StoreError } from '../store/index.ts';

/**
 * Exit codes of every parallax command, documented in each command's
 * `--help` and in the README. `exitCodeFor` is the one place a thrown error
 * becomes an exit code: `UsageError` 2, the IO edge's `IoError` (and raw
 * system errors) 3, anything else is a bug (70).
 */
export const ExitCode = {
  /** Success; problems with some inputs may be listed. */
  ok: 0,
  /** Nothing could be read: no input gave an article. */
  nothingRead: 1,
  /** Wrong usage: unknown command or option, missing or bad argument. */
  usage: 2,
  /** Output could not be written, or another input/output failure. */
  io: 3,
  /** A bug in parallax (sysexits EX_SOFTWARE): the message asks for a report. */
  internal: 70,
} as const;

/** The exit-codes paragraph shared by every command's `--help`. */
export const EXIT_CODES_HELP = `Exit codes:
  0  success (problems with some inputs may be listed)
  1  nothing could be read: no input gave an article
  2  usage error (unknown option, missing argument, bad value)
  3  output could not be written, or another input/output failure
  70 internal error: a bug in parallax (please report it)`;

/** Wrong usage of a command: mapped to exit code 2 with a hint to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Node's `util.parseArgs` throws TypeErrors with these codes on bad argv. */
const PARSE_ARGS_CODE = /^ERR_PARSE_ARGS_/;

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Whether an error is a system call failure (`ENOENT`, `EACCES`, `EPIPE`, ...). */
function isSystemError(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code !== undefined &&
    /^E[A-Z]+$/.test(code) &&
    typeof error === 'object' &&
    error !== null &&
    'syscall' in error
  );
}

/**
 * Map anything a command throws to its exit code: usage errors 2,
 * input/output failures 3, anything else is a bug (70).
 *
 * @example exitCodeFor(new UsageError('Expected a FILE')) // => 2
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return ExitCode.usage;
  // A --db that is neither a folder nor a postgres:// URL is wrong usage; any other database failure is IO.
  if (error instanceof StoreError) {
    return error.code === 'store/bad-location' ? ExitCode.usage : ExitCode.io;
  }
  if (PARSE_ARGS_CODE.test(errorCode(error) ?? '')) return ExitCode.usage;
  if (error instanceof IoError || isSystemError(error)) return ExitCode.io;
  return ExitCode.internal;
}

/**
 * The message for a command that failed with `error`, as printed on stderr:
 * usage errors point to `--help`, bugs carry the stack trace.
 */
export function failureMessage(commandName: string, error: unknown): string {
  const prefix = `parallax${commandName ? ` ${commandName}` : ''}`;
  const message = error instanceof Error ? error.message : String(error);
  switch (exitCodeFor(error)) {
    case ExitCode.usage:
      return `${prefix}: ${message}\nTry '${prefix} --help'.\n`;
    case ExitCode.io:
      return `${prefix}: ${message}\n`;
    default: {
      const stack = error instanceof Error && error.stack ? error.stack : message;
      return `${prefix}: internal error: ${stack}\nThis is a bug in parallax; please report it with the command you ran.\n`;
    }
  }
}
