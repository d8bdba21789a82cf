import type { Span } from './span.ts';

/** Kinds of named entity parallax recognises. */
export type EntityKind = 'person' | 'organization' | 'place';

/** A named entity mention in an article's clean text. */
export interface Entity extends Span {
  kind: EntityKind;
  /** The words on the page ("Mikheev", "the alliance"). */
  text: string;
  /** The canonical full form after within-article coreference ("Alexander Mikheev", "Collective Security Treaty Organization"). */
  name: string;
  /** Why it was recognised or linked ("gazetteer:alliance", "title:President", "surname of Alexander Mikheev"). */
  evidence?: string;
}

/** A direct quote (or a partial quote inside a sentence) with its speaker. */
export interface Quote extends Span {
  /** The quoted words, without the quote marks. */
  text: string;
  /** Canonical name of the speaker, or null when no speaker could be found. */
  speaker: string | null;
  /** True for a few quoted words inside a sentence ("a 'humiliating' request"). */
  partial: boolean;
}

/** A date or time expression resolved against the publication time. */
export interface DateMention extends Span {
  text: string;
  /** ISO date ("2021-09-07"), or an ISO interval ("2021-09-07/2021-09-09"); null when it cannot be resolved. */
  value: string | null;
  /** Why `value` is null or approximate ("publication time unknown"). */
  note?: string;
}

/** A token of the clean text (word, number or punctuation mark) with its Universal POS tag ("PROPN", "VERB"). */
export interface TaggedToken extends Span {
  pos: string;
}

/** Everything annotate finds in one article. Offsets point into `Article.text`. */
export interface Annotation {
  articleId: string;
  sentences: Span[];
  /** Tokens of the text; left out when annotate is called with `{ tokens: false }`. */
  tokens?: TaggedToken[];
  entities: Entity[];
  quotes: Quote[];
  dates: DateMention[];
}
