// Zero-width characters and soft hyphens carry no text; NBSP and the other
// Unicode spaces count as white space.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPACE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Collapse every run of white space to one space and trim; drop zero-width characters. */
export function normalizeSpace(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACE, ' ').trim();
}
