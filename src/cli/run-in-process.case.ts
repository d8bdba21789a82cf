import { Readable, Writable } from 'node:stream';
import type { CommandIO } from './command.ts';

// A *.case.ts file: shared by the CLI tests here and in test/, left out of
// the build (tsconfig.build.json).

/** The fake process a command runs in: every field optional. */
export interface InProcessOptions {
  /** The working folder (default: this process's). */
  cwd?: string;
  /** Standard input, as one chunk (default: none at all). */
  stdin?: string;
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

/** What a run gave: its exit code and everything it wrote. */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
}

/**
 * Run a command's `run` (or the CLI's `main`) in process on fake streams,
 * with an empty environment and no terminal unless told.
 *
 * @example await runInProcess(main, ['--help']) // => { code: 0, stdout: 'Usage: …', stderr: '' }
 */
export async function runInProcess(
  run: (args: string[], io: CommandIO) => Promise<number>,
  args: string[],
  options: InProcessOptions = {},
): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: sink(out),
    stderr: sink(err),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
  };
  const code = await run(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
