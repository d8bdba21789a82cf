const UNIT_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Read a duration as the CLI takes it: seconds (`90`, `0.5`) or a number
 * with a unit (`30s`, `5m`, `1h`, `1d`). Returns seconds, or undefined when
 * the text is not a positive duration.
 *
 * @example parseDuration('5m') // => 300
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
  if (match === null) return undefined;
  const seconds = Number(match[1]) * (UNIT_SECONDS[(match[2] ?? '').toLowerCase()] ?? 1);
  return seconds > 0 && Number.isFinite(seconds) ? seconds : undefined;
}
