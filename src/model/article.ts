/**
 * Why extract removed a block of a page from the article body. Every removed
 * block stays in the output with its reason (never drop silently).
 */
export type RemovalReason =
  | 'headline'
  | 'header'
  | 'byline'
  | 'dateline'
  | 'date'
  | 'caption'
  | 'photo-credit'
  | 'counter'
  | 'share'
  | 'related-link'
  | 'placeholder'
  | 'newsletter'
  | 'donation'
  | 'author-box'
  | 'duplicate'
  | 'standfirst'
  | 'subheading'
  | 'navigation'
  | 'advertisement'
  | 'comments'
  | 'legal'
  | 'template'
  | 'credit-line'
  | 'boilerplate';

/** A block of the page that is not part of the article body. */
export interface RemovedBlock {
  text: string;
  reason: RemovalReason;
  /** Short human explanation of which rule fired ("matches 'Sign up for our … newsletter'"). */
  detail?: string;
}

/**
 * An agency or outlet the text is credited to ("Reuters", "-REUTERS",
 * "(AP)", "AFP contributed"), or one cited as a source inside the text
 * ("told the RIA Novosti news agency", "according to AP News").
 */
export interface AgencyMention {
  /** Canonical name: "Reuters", "Associated Press", "RIA Novosti". */
  name: string;
  /** The words on the page that show it. */
  evidence: string;
}

/** A clean news article with its metadata: the unit every later stage works on. */
export interface Article {
  /** Stable content hash of the clean article (same text and metadata, same id). */
  id: string;
  /** `Source.location` it was extracted from. */
  source: string;
  url: string | null;
  headline: string | null;
  bylines: string[];
  /** ISO 8601; with the UTC offset when the page gave one, a bare date when only the date is known. */
  publishedAt: string | null;
  /** Dateline place as written ("MOSCOW"), when the body opens with one. */
  dateline: string | null;
  /** The publishing outlet ("The Moscow Times"), from metadata, the URL host or page furniture. */
  outlet: string | null;
  credits: AgencyMention[];
  cites: AgencyMention[];
  /** ISO 639-1 code ("en"), or null when the text is too short to tell. */
  language: string | null;
  /** Clean body, paragraphs joined by blank lines ("\n\n"). All offsets point into this. */
  text: string;
  /** The body paragraphs; `paragraphs.join('\n\n') === text`. */
  paragraphs: string[];
  /** Everything taken out of the page, in page order, with the reason. */
  removed: RemovedBlock[];
}
