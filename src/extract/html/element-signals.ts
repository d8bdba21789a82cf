import type { RemovalReason } from '../../model/index.ts';
import { attributeWords, classWordHint } from './class-hints.ts';
import type { DomElement } from './dom.ts';

/**
 * What an element says about the furniture inside it, for naming a removed
 * block (see `nameRemoved`). Unlike `elementHint`, which decides what is
 * removed and must stay as it was measured, a signal only names: it reads
 * more of the markup (aria-label, forms' fields, "skip to" links, compound
 * class names) and says how much it can be trusted.
 */
export interface ElementSignal {
  reason: RemovalReason;
  /** What matched ("<nav>", "class/id word 'newsletter'", "aria-label 'Share this article'"). */
  detail: string;
  /**
   * A place on the page (a footer, an aside, a button, a form, the site
   * header) rather than a kind of furniture: the words of the block, or
   * the furniture it sits with, say more.
   */
  weak: boolean;
}

/** Tags that say what their content is, wherever they are. */
const TAG_SIGNALS = new Map<string, RemovalReason>([
  ['nav', 'navigation'],
  ['figcaption', 'caption'],
]);

/** Tags that say only where their content is (see `ElementSignal.weak`). */
const WEAK_TAG_SIGNALS = new Map<string, RemovalReason>([
  ['footer', 'boilerplate'],
  ['aside', 'related-link'],
  ['button', 'navigation'],
  ['form', 'boilerplate'],
]);

/** ARIA roles that say what their content is. */
const ROLE_SIGNALS = new Map<string, RemovalReason>([
  ['navigation', 'navigation'],
  ['search', 'navigation'],
  ['menu', 'navigation'],
  ['menubar', 'navigation'],
]);

/** ARIA roles that say only where their content is. */
const WEAK_ROLE_SIGNALS = new Map<string, RemovalReason>([
  ['banner', 'header'],
  ['contentinfo', 'boilerplate'],
  ['complementary', 'related-link'],
  ['dialog', 'boilerplate'],
  ['alertdialog', 'boilerplate'],
]);

/**
 * Class/id words of `elementHint` that name a place on the page, not a
 * kind of furniture: a "site-footer" holds a copyright line and links
 * alike, a "sidebar" anything.
 */
const WEAK_WORDS = new Set(['footer', 'sidebar', 'masthead', 'toolbar']);

/**
 * Class/id words that only naming reads: the section label above a
 * headline ("kicker", "eyebrow", "overline"), which the text path calls a
 * header line.
 */
const HEADER_WORDS = new Set(['kicker', 'eyebrow', 'overline']);

/** "author-box", "author-bio", "about-author": an author box, not a byline ("author" alone is). */
const AUTHOR_BOX_NEXT = new Set(['box', 'bio', 'info', 'card', 'profile', 'about', 'details']);

/** Fields of a sign-up form: an e-mail address. */
const EMAIL_FIELD = 'input[type="email"], input[name*="email" i], input[placeholder*="email" i]';

/** Fields of a site search. */
const SEARCH_FIELD = 'input[type="search"], input[name="q"], input[name="s"]';

/** The words of a "skip to content" link, the first thing a keyboard user reaches. */
const SKIP_TEXT = /^\s*skip\b/i;

function classSignal(value: string): ElementSignal | null {
  const words = attributeWords(value);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (
      (w === 'author' && next !== undefined && AUTHOR_BOX_NEXT.has(next)) ||
      (w === 'about' && next === 'author')
    ) {
      return { reason: 'author-box', detail: `class/id words '${w}-${next}'`, weak: false };
    }
    if (HEADER_WORDS.has(w))
      return { reason: 'header', detail: `class/id word '${w}'`, weak: false };
  }
  const hint = classWordHint(value);
  if (hint === null) return null;
  return { reason: hint.reason, detail: hint.detail, weak: WEAK_WORDS.has(hint.word ?? '') };
}

/**
 * The furniture an element names by its tag, ARIA role or label, class,
 * id or fields, or null. Read it before Readability runs: Readability
 * strips classes.
 *
 * @example elementSignal(form).reason // 'newsletter' for a form with an e-mail field
 */
export function elementSignal(el: DomElement): ElementSignal | null {
  const name = el.localName;
  if (name === 'a' && (el.getAttribute('href') ?? '').startsWith('#')) {
    if (SKIP_TEXT.test(el.textContent ?? '')) {
      return { reason: 'navigation', detail: "a 'Skip to' link", weak: false };
    }
  }
  const tag = TAG_SIGNALS.get(name);
  if (tag !== undefined) return { reason: tag, detail: `<${name}>`, weak: false };
  if (name === 'form') {
    if (el.querySelector(EMAIL_FIELD) !== null) {
      return { reason: 'newsletter', detail: 'a form with an e-mail field', weak: false };
    }
    if (el.querySelector(SEARCH_FIELD) !== null) {
      return { reason: 'navigation', detail: 'a search form', weak: false };
    }
  }
  const role = el.getAttribute('role')?.trim().toLowerCase();
  if (role !== undefined) {
    const strong = ROLE_SIGNALS.get(role);
    if (strong !== undefined) return { reason: strong, detail: `role=${role}`, weak: false };
  }
  const label = el.getAttribute('aria-label');
  if (label !== null) {
    const said = classWordHint(label);
    if (said !== null && !WEAK_WORDS.has(said.word ?? '')) {
      return { reason: said.reason, detail: `aria-label '${label.trim()}'`, weak: false };
    }
  }
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  const byClass = cls !== null || id !== null ? classSignal(`${cls ?? ''} ${id ?? ''}`) : null;
  if (byClass !== null && !byClass.weak) return byClass;
  const weakRole = role === undefined ? undefined : WEAK_ROLE_SIGNALS.get(role);
  if (weakRole !== undefined) return { reason: weakRole, detail: `role=${role}`, weak: true };
  const weakTag = WEAK_TAG_SIGNALS.get(name);
  if (weakTag !== undefined) return { reason: weakTag, detail: `<${name}>`, weak: true };
  // The page's own header, not the header of an article or a teaser card.
  if (name === 'header' && !insideArticle(el)) {
    return { reason: 'header', detail: '<header> of the page', weak: true };
  }
  return byClass;
}

function insideArticle(el: DomElement): boolean {
  for (let p = el.parentElement; p !== null; p = p.parentElement) {
    if (p.localName === 'article') return true;
  }
  return false;
}
