// "©", "(c)", "Copyright", "Copyright ©": how a copyright notice opens.
const MARK = /^(?:(?i:copyright)\s*(?:©|\((?i:c)\))?|©|\((?i:c)\))\s*/u;

// "© The Northern Ledger 2025" or "Freightline Weekly © 2025": a year, or a
// range of years, before or after the name.
const YEAR = /^(?:\d{4}(?:\s*[-–]\s*\d{2,4})?)[,.]?$/;

// "Freightline Weekly © 2025. All rights reserved.": the name before the mark.
const NAME_BEFORE_MARK = /^(?<name>[^©]{2,60}?)\s*(?:©|\((?i:c)\))\s*\d{4}\b/u;

/**
 * Company-form words after an outlet's name that are not part of how it is
 * known ("The Coastline Courier Ltd." is "The Coastline Courier").
 */
const COMPANY_FORMS = new Set([
  'ltd',
  'limited',
  'inc',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'sa',
  's.a',
  'co',
  'corp',
  'corporation',
  'company',
  'pty',
  'bv',
  'nv',
]);

// Lower-case words a name may hold between its capitalised words.
const CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'du', 'la', 'le', 'del', 'di']);

/** The capitalised name at the start of `words`, stopping at a year, a comma or a full stop. */
function leadingName(words: readonly string[]): string | null {
  const name: string[] = [];
  let start = 0;
  // A year (or range) right after the mark: "© 2025 The Coastline Courier".
  while (start < words.length && (YEAR.test(words[start] ?? '') || words[start] === ',')) start++;
  for (const raw of words.slice(start)) {
    if (YEAR.test(raw)) break;
    const word = raw.replace(/[,;:]$/, '');
    const bare = word.replace(/\.$/, '');
    const first = name.length === 0;
    if (/^\p{Lu}/u.test(bare) || (first && bare === 'The')) name.push(bare);
    else if (!first && CONNECTORS.has(bare)) name.push(bare);
    else break;
    // "Ledger." ends the name (and the sentence); "Ltd." ends it too.
    if (word !== raw || word.endsWith('.') || name.length >= 8) break;
  }
  while (name.length > 0 && CONNECTORS.has(name[name.length - 1] ?? '')) name.pop();
  while (name.length > 1 && COMPANY_FORMS.has((name[name.length - 1] ?? '').toLowerCase())) {
    name.pop();
  }
  const text = name.join(' ');
  return text === '' || text === 'The' || /^(?:All|Rights)$/i.test(text) ? null : text;
}

/**
 * The holder a copyright notice names: "(c) Meridian Press Agency 2025. All
 * rights reserved." -> "Meridian Press Agency", "© 2025 The Coastline
 * Courier Ltd." -> "The Coastline Courier", "Freightline Weekly © 2025." ->
 * "Freightline Weekly". Null when the line is not a copyright notice or
 * names nobody.
 *
 * @example copyrightHolder('(c) 2025 The Northern Ledger. Printed and published by Ledger House.') // 'The Northern Ledger'
 */
export function copyrightHolder(line: string): string | null {
  const text = line.trim().replace(/\s+/g, ' ');
  const mark = MARK.exec(text);
  if (mark && mark[0].length > 0) {
    return leadingName(
      text
        .slice(mark[0].length)
        .split(' ')
        .filter((w) => w !== ''),
    );
  }
  const before = NAME_BEFORE_MARK.exec(text)?.groups?.name;
  if (before === undefined) return null;
  const words = before.split(' ');
  const name = leadingName(words);
  // The whole text before the mark must be the name.
  return name !== null && name.split(' ').length === words.length ? name : null;
}
