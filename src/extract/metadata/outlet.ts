import { copyrightHolder } from './copyright-holder.ts';

// The outlet names itself in its own furniture: "Support The Moscow Times!"
// and "A Message from The Moscow Times:" (seed 000), "Subscribe to X",
// "© 2021 X. All rights reserved." (see `copyrightHolder`). The name is a
// run of capitalised words.
const OUTLET_NAME =
  "(?<name>(?:The\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&.\\-]*(?:\\s+(?:of\\s+|de\\s+|&\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&.\\-]*){0,4})";
const OUTLET_FURNITURE: readonly RegExp[] = [
  new RegExp(`^(?i:support)\\s+${OUTLET_NAME}\\s*!?$`, 'u'),
  new RegExp(`^(?i:a message from)\\s+${OUTLET_NAME}\\s*:?$`, 'u'),
  new RegExp(`^(?i:by supporting)\\s+${OUTLET_NAME},`, 'u'),
];

const SLOGAN_WORDS = /\b(?:journalism|reporting|news|media|us|our)$/i;

/**
 * The outlet a furniture line names ("Support The Moscow Times!" -> "The
 * Moscow Times", "(c) 2025 The Northern Ledger. Printed and published by
 * ..." -> "The Northern Ledger"), or null.
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
  return copyrightHolder(text);
}

// "news editor of the Tidewater Lantern", "a reporter for The Daily Star",
// "covers ports and shipping for Freightline Weekly": an author box names
// the outlet the author works for. The role word comes first so a school
// or a former employer in the same box ("a student at Kestrel Bay
// Polytechnic") is not taken.
const AUTHOR_BIO_OUTLET = new RegExp(
  `\\b(?:(?:editor|reporter|correspondent|writer|columnist|contributor|producer|journalist|editor-in-chief)\\s+(?:of|for|at|with)|(?:covers|writes|reports)\\b[^.;]{0,60}?\\bfor)\\s+(?<the>the\\s+)?${OUTLET_NAME}`,
  'u',
);

/**
 * The outlet an author box names ("Mara Lindqvist is ... news editor of the
 * Tidewater Lantern." -> "The Tidewater Lantern"), or null. A "the" before
 * the name becomes part of it, as outlets write their names, unless the
 * name is an acronym ("the BBC" -> "BBC").
 *
 * @example outletFromAuthorBio('Jonah Pell covers ports and shipping for Freightline Weekly from Port Sollen.') // 'Freightline Weekly'
 */
export function outletFromAuthorBio(line: string): string | null {
  const m = AUTHOR_BIO_OUTLET.exec(line.trim());
  const name = m?.groups?.name?.replace(/[.\s]+$/, '');
  if (!name) return null;
  if (m?.groups?.the && !/^The\s/.test(name) && !/^\p{Lu}+$/u.test(name)) return `The ${name}`;
  return name;
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
