import type { RemovalReason } from '../../model/index.ts';
import type { DomElement } from './dom.ts';

/** What an element's tag, role, class or id says it holds, when that is page furniture. */
export interface ElementHint {
  reason: RemovalReason;
  /** What matched ("class/id word 'share'", "<nav>", "role=navigation"). */
  detail: string;
  /**
   * Only meaningful for an element nested inside the article: an
   * `<article>` or `<header>` is the story itself at the top of the page,
   * and a teaser card or the article's own header when nested in it.
   */
  nestedOnly?: boolean;
  /** The class/id word that matched, when a word did. */
  word?: string;
}

/**
 * Class and id words that name furniture, after splitting `class`/`id` on
 * punctuation and camelCase ("sdc-article-related-stories__title" ->
 * sdc, article, related, stories, title). Whole words only: "shared" or
 * "header" never match "share" or "head". The words come from Readability's
 * `unlikelyCandidates`, trafilatura's discard XPaths and the furniture
 * containers seen on the development split of the Zyte benchmark (ids
 * sorted, every 3rd page from the first held out). Inside the article a
 * hint only counts for a container holding a small share of its text
 * (see MAX_FURNITURE_SHARE in select-body.ts).
 */
const TOKEN_REASONS: ReadonlyArray<readonly [RemovalReason, readonly string[]]> = [
  [
    'caption',
    ['caption', 'captions', 'figcaption', 'gallery', 'slideshow', 'carousel', 'lightbox'],
  ],
  ['photo-credit', ['credit', 'credits', 'photographer']],
  [
    'share',
    ['share', 'sharing', 'sharebar', 'social', 'sociable', 'addthis', 'sharethis', 'shareaholic'],
  ],
  [
    'related-link',
    [
      'related',
      'recommended',
      'recommendations',
      'recirc',
      'trending',
      'popular',
      'mostread',
      'outbrain',
      'taboola',
      'teaser',
      'teasers',
      'rail',
      'readmore',
      'promo',
      'promos',
      'headlines',
      'upnext',
      'recent',
      'stories',
    ],
  ],
  ['newsletter', ['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'optin']],
  [
    'advertisement',
    [
      'ad',
      'ads',
      'advert',
      'advertisement',
      'adslot',
      'adunit',
      'dfp',
      'gpt',
      'sponsor',
      'sponsored',
    ],
  ],
  ['comments', ['comment', 'comments', 'disqus', 'discussion', 'respond']],
  ['legal', ['copyright', 'disclaimer', 'legal', 'cookie', 'cookies', 'consent', 'gdpr']],
  ['author-box', ['bio', 'authorbio', 'flyout']],
  ['standfirst', ['standfirst', 'dek', 'deck', 'subtitle', 'subheadline', 'strapline']],
  ['byline', ['byline', 'bylines', 'author', 'authors', 'contributor', 'contributors']],
  ['date', ['date', 'dateline', 'timestamp', 'pubdate', 'published', 'calendar']],
  ['counter', ['views', 'counter', 'readtime']],
  [
    'navigation',
    [
      'nav',
      'navbar',
      'navigation',
      'menu',
      'submenu',
      'topnav',
      'subnav',
      'breadcrumb',
      'breadcrumbs',
      'skip',
      'pagination',
      'pager',
      'tags',
      'tag',
      'topics',
      'categories',
      'keywords',
      'masthead',
      'sidebar',
      'footer',
      'toolbar',
    ],
  ],
];

const RANK_BY_TOKEN = new Map<string, { reason: RemovalReason; rank: number }>();
TOKEN_REASONS.forEach(([reason, tokens], rank) => {
  for (const t of tokens) RANK_BY_TOKEN.set(t, { reason, rank });
});

/** Elements whose tag alone says what they are. */
const TAG_REASONS = new Map<string, RemovalReason>([
  ['nav', 'navigation'],
  ['figcaption', 'caption'],
  ['footer', 'boilerplate'],
  ['aside', 'related-link'],
  ['button', 'navigation'],
  ['form', 'boilerplate'],
]);

/** Elements that are furniture only when nested inside the article (see `nestedOnly`). */
const NESTED_TAG_REASONS = new Map<string, RemovalReason>([
  ['article', 'related-link'],
  ['header', 'header'],
]);

/** ARIA landmark roles that are never the article. */
const ROLE_REASONS = new Map<string, RemovalReason>([
  ['navigation', 'navigation'],
  ['banner', 'header'],
  ['contentinfo', 'boilerplate'],
  ['complementary', 'related-link'],
  ['search', 'navigation'],
  ['menu', 'navigation'],
  ['menubar', 'navigation'],
  ['dialog', 'boilerplate'],
]);

const CAMEL = /([a-z0-9])([A-Z])/g;
const NON_WORD = /[^a-z0-9]+/;

/** Split a class or id value into lowercase words. */
export function attributeWords(value: string): string[] {
  return value
    .replace(CAMEL, '$1 $2')
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w !== '');
}

// Class strings repeat across a page (every menu item, every paragraph),
// so the word split is memoised per string. Bounded: cleared when full.
const WORD_HINTS = new Map<string, ElementHint | null>();
const WORD_HINTS_MAX = 20_000;

/**
 * The furniture a `class`/`id` value names by its words, or null: the most
 * specific word wins (TOKEN_REASONS order).
 *
 * @example classWordHint('sdc-article-related-stories')?.reason // 'related-link'
 */
export function classWordHint(value: string): ElementHint | null {
  const hit = WORD_HINTS.get(value);
  if (hit !== undefined) return hit;
  // The most specific reason wins ("author-bio" is an author box, not a
  // byline; "image-credit" a photo credit): TOKEN_REASONS order.
  let hint: ElementHint | null = null;
  let rank = Number.POSITIVE_INFINITY;
  for (const w of attributeWords(value)) {
    const found = RANK_BY_TOKEN.get(w);
    if (found !== undefined && found.rank < rank) {
      rank = found.rank;
      hint = { reason: found.reason, detail: `class/id word '${w}'`, word: w };
    }
  }
  if (WORD_HINTS.size >= WORD_HINTS_MAX) WORD_HINTS.clear();
  WORD_HINTS.set(value, hint);
  return hint;
}

/**
 * The furniture an element announces by its tag, ARIA role, class or id,
 * or null. Read it before Readability runs: Readability strips classes.
 */
export function elementHint(el: DomElement): ElementHint | null {
  let hint: ElementHint | null = null;
  const tagReason = TAG_REASONS.get(el.localName);
  if (tagReason !== undefined) hint = { reason: tagReason, detail: `<${el.localName}>` };
  if (hint === null) {
    const nested = NESTED_TAG_REASONS.get(el.localName);
    if (nested !== undefined)
      hint = { reason: nested, detail: `nested <${el.localName}>`, nestedOnly: true };
  }
  if (hint === null) {
    const role = el.getAttribute('role');
    const roleReason = role === null ? undefined : ROLE_REASONS.get(role.trim().toLowerCase());
    if (roleReason !== undefined) hint = { reason: roleReason, detail: `role=${role}` };
  }
  if (hint === null) {
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    if (cls !== null || id !== null) hint = classWordHint(`${cls ?? ''} ${id ?? ''}`);
  }
  return hint;
}
