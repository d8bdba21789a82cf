import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './exit-code.ts';

/**
 * Node's `util.parseArgs` for a command's argv, its errors thrown as a
 * `UsageError` (exit code 2) that keeps only the first sentence: parseArgs
 * says "Unknown option '--x'. To specify a positional argument starting
 * with a '-', ...", and the usage message points to `--help` instead.
 *
 * @example
 * parseCommandArgs({ args, options: { db: { type: 'string' } }, strict: true }).values.db
 */
export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split('. ')[0] ?? message, { cause: error });
  }
}
