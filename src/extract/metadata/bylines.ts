import type { AgencyMention } from '../../model/article.ts';
import { agencyByAlias } from './agencies.ts';

/** What a byline line says: the people, and an agency when one is named. */
export interface Byline {
  names: string[];
  credit: AgencyMention | null;
}

// One name: capitalised words, initials and name particles ("Jadenne Radoc
// Cabahug", "J. R. R. Tolkien", "Ursula von der Leyen", "Ahmed al-Sharif").
const NAME_WORD =
  "(?:\\p{Lu}[\\p{L}'’\\-]*\\.?|(?:van|von|der|den|de|da|di|du|del|la|le|al|el|bin|ibn)(?:-\\p{Lu}[\\p{L}'’]*)?)";
const NAME = `\\p{Lu}[\\p{L}'’\\-]*\\.?(?:\\s+${NAME_WORD}){0,4}`;
const NAME_ONLY = new RegExp(`^${NAME}$`, 'u');
const SPLIT_NAMES = /\s*(?:,|\band\b|&)\s*/u;

// "by Tyler Durden" (seed 004), "By John Smith and Jane Doe", "Written by
// ...", "Author: ...", "By John Smith, Reuters". A date or place after a bar
// or bullet is cut off first ("By X | Aug 23, 2021").
const BY_PREFIX =
  /^(?:(?:written|words|story|text|reported)\s+by|by|author|authors|posted by)\s*:?\s+/i;

// Words that end a byline with a role, not a name ("By John Smith, Staff Writer").
const ROLE =
  /^(?:(?i:staff|senior|chief|special|foreign|political|editor|reporter|correspondent|writer|contributor|columnist)\b|in\s+\p{Lu})/u;

/**
 * Read a byline line ("by Tyler Durden") into names, or return null when the
 * line is not a byline. An agency in the name list ("By Jane Doe, Reuters",
 * "By AFP") becomes a credit instead of a name.
 *
 * @example parseByline('by Tyler Durden')?.names // ['Tyler Durden']
 */
export function parseByline(line: string): Byline | null {
  const text = line.trim().split(/\s+[|•·]\s+/)[0] ?? '';
  const prefix = BY_PREFIX.exec(text);
  if (!prefix) return null;
  const rest = text
    .slice(prefix[0].length)
    .replace(/[.,;]+$/, '')
    .trim();
  if (rest === '' || rest.split(/\s+/).length > 16) return null;
  const names: string[] = [];
  let credit: AgencyMention | null = null;
  for (const part of rest.split(SPLIT_NAMES)) {
    if (part === '') continue;
    const entry =
      agencyByAlias(part) ?? agencyByAlias(part.replace(/\s+(?:staff|news|wire)$/i, ''));
    if (entry) {
      credit ??= { name: entry.name, evidence: line.trim() };
      continue;
    }
    if (ROLE.test(part) && names.length > 0) continue;
    if (!NAME_ONLY.test(part)) return null;
    names.push(part);
  }
  if (names.length === 0 && credit === null) return null;
  return { names, credit };
}

// "Latest posts by Jadenne Radoc Cabahug (see all)" (seed 003, the author
// box a WordPress plugin prints at the foot of a post).
const LATEST_POSTS = new RegExp(
  `^(?i:latest posts by)\\s+(?<name>${NAME})\\s*(?:\\((?i:see all)\\))?$`,
  'u',
);

/**
 * The author named by an author box line ("Latest posts by X (see all)"), or null.
 *
 * @example authorFromAuthorBox('Latest posts by Jadenne Radoc Cabahug (see all)') // 'Jadenne Radoc Cabahug'
 */
export function authorFromAuthorBox(line: string): string | null {
  return LATEST_POSTS.exec(line.trim())?.groups?.name ?? null;
}

// "Tyler Durden's Photo" (seed 004): the alt text of the author's picture
// left in the text next to the byline.
const AUTHOR_PHOTO = new RegExp(
  `^(?<name>${NAME})['’]s?\\s+(?i:photo|picture|avatar|image|profile (?:photo|picture))$`,
  'u',
);

/**
 * The author named by the alt text of an author picture ("Tyler Durden's Photo"), or null.
 *
 * @example authorFromPhoto("Tyler Durden's Photo") // 'Tyler Durden'
 */
export function authorFromPhoto(line: string): string | null {
  return AUTHOR_PHOTO.exec(line.trim())?.groups?.name ?? null;
}

/**
 * True when a line is only a person's name (two to five capitalised words):
 * the form a byline takes without "by" in an author box or under a headline.
 */
export function isNameLine(line: string): boolean {
  const text = line.trim();
  if (!NAME_ONLY.test(text)) return false;
  const count = text.split(/\s+/).length;
  return count >= 2 && count <= 5;
}
