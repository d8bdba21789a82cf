/**
 * What a unit was in its source: plain text has only `text`; Markdown also
 * marks headings, images (their alt text) and thematic breaks.
 */
export type UnitKind = 'text' | 'heading' | 'image' | 'separator';

/**
 * One block of a document that extract classifies as body or furniture: a
 * line, or a paragraph of hard-wrapped lines joined back together.
 */
export interface Unit {
  /** The block's text, trimmed, inner runs of white space collapsed to one space. */
  text: string;
  kind: UnitKind;
}
