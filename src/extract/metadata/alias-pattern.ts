const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One global regular expression matching any of `aliases` as whole words:
 * one alternation, longest alias first (ties in code-unit order), so "AP
 * News" wins over "AP" and "RIA Novosti" over "RIA"; word edges are
 * letters or digits on either side, so "AP" does not match inside "CAP".
 *
 * @example aliasPattern(['AP', 'AP News']).exec('via AP News.')?.[0] // => 'AP News'
 */
export function aliasPattern(aliases: Iterable<string>): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...aliases]
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
      .map(escapeRegExp)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
}
