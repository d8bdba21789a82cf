import type { CommandIO } from './command.ts';

/** Text styles for terminal output; identity functions when colour is off. */
export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

// Plain SGR sequences: six styles do not justify a dependency, and the
// streams are passed in, so the check for a terminal must be ours too.
function sgr(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity = (text: string): string => text;

/** Styles that colour when `enabled`, or leave text as it is. */
export function createColors(enabled: boolean): Colors {
  if (!enabled) {
    return {
      bold: identity,
      dim: identity,
      red: identity,
      yellow: identity,
      green: identity,
      cyan: identity,
    };
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
  };
}

/**
 * Whether output to a stream may be coloured: only on a terminal, and never
 * when `NO_COLOR` is set to a non-empty value (https://no-color.org).
 */
export function colorEnabled(io: CommandIO, stream: 'stdout' | 'stderr'): boolean {
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}
