// The outlet names itself in its own furniture: "Support The Moscow Times!"
// and "A Message from The Moscow Times:" (seed 000), "Subscribe to X",
// "© 2021 X. All rights reserved.". The name is a run of capitalised words.
const OUTLET_NAME =
  "(?<name>(?:The\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&.\\-]*(?:\\s+(?:of\\s+|de\\s+|&\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&.\\-]*){0,4})";
const OUTLET_FURNITURE: readonly RegExp[] = [
  new RegExp(`^(?i:support)\\s+${OUTLET_NAME}\\s*!?$`, 'u'),
  new RegExp(`^(?i:a message from)\\s+${OUTLET_NAME}\\s*:?$`, 'u'),
  new RegExp(`^(?i:by supporting)\\s+${OUTLET_NAME},`, 'u'),
  new RegExp(
    `^(?:©|\\(c\\)|(?i:copyright))\\s*(?:\\d{4}\\s*)?${OUTLET_NAME}\\.?(?:\\s+(?i:all rights reserved)\\.?)?$`,
    'u',
  ),
];

const SLOGAN_WORDS = /\b(?:journalism|reporting|news|media|us|our)$/i;

/**
 * The outlet a furniture line names ("Support The Moscow Times!" -> "The
 * Moscow Times"), or null.
 *
 * @example outletFromFurniture('A Message from The Moscow Times:') // 'The Moscow Times'
 */
export function outletFromFurniture(line: string): string | null {
  const text = line.trim();
  for (const pattern of OUTLET_FURNITURE) {
    const name = pattern.exec(text)?.groups?.name;
    // "Support Independent Journalism!" is a slogan, not a name.
    if (name && !SLOGAN_WORDS.test(name)) return name.replace(/[.\s]+$/, '');
  }
  return null;
}

/**
 * The outlet as the host name of an article URL, without "www." and the
 * like ("https://www.themoscowtimes.com/2021/..." -> "themoscowtimes.com"),
 * or null when the URL cannot be read.
 */
export function outletFromUrl(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host === '' || host === 'localhost' || /^[\d.]+$/.test(host)) return null;
  return host.replace(/^(?:www\d*|m|amp|mobile)\./, '');
}
