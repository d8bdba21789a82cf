import type { Readable, Writable } from 'node:stream';

/** What a command may touch: the process's streams, environment and folder, passed in so tests can run commands in process. */
export interface CommandIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stdout/stderr are terminals (progress bars and colour only then). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** One `parallax <name>` subcommand. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full `--help` text: usage, options, examples, exit codes. */
  help: string;
  /** Run with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CommandIO): Promise<number>;
}
