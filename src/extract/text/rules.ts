import type { RemovalReason } from '../../model/article.ts';
import { authorFromAuthorBox, authorFromPhoto, parseByline } from '../metadata/bylines.ts';
import { readCreditLine } from '../metadata/credits.ts';
import { findDate } from '../metadata/dates.ts';
import type { UnitFeatures } from './features.ts';

/**
 * A named rule of the furniture classifier: evidence, on the unit's own
 * text, that the unit is page furniture of one kind. Rules that a story
 * sentence cannot match carry `STRONG` weight; lexicon hits carry less and
 * only remove a unit together with its features (see `scoreUnit`).
 */
export interface UnitRule {
  /** Kebab-case rule name, reported in `RemovedBlock.detail`. */
  name: string;
  reason: RemovalReason;
  weight: number;
  test: (unit: UnitFeatures) => boolean;
  /** What the rule saw, for the reader of `RemovedBlock.detail`. */
  explain: string;
}

/** Score at which a unit is removed. */
export const REMOVE_SCORE = 1;

/**
 * Weight of a rule that removes its unit anywhere, prose or not: above
 * `REMOVE_SCORE + PROSE_PENALTY`.
 */
export const STRONG = 2;

/**
 * Weight of one furniture-lexicon hit: enough with `FRAGMENT_BONUS` to
 * remove a label ("Monthly", "Follow us on Telegram"), not enough to touch
 * a sentence (seed 003's story paragraph about "donating funds" to refugees
 * is kept).
 */
export const LEXICON = 0.6;

/**
 * Added for a unit that neither ends like a sentence nor reads as prose: a
 * label, button or widget word.
 */
export const FRAGMENT_BONUS = 0.4;

/** Taken off a unit that reads as prose: weak evidence never removes a story paragraph. */
export const PROSE_PENALTY = 0.5;

const matches =
  (pattern: RegExp, maxWords = Number.POSITIVE_INFINITY) =>
  (unit: UnitFeatures): boolean =>
    unit.words <= maxWords && pattern.test(unit.text);

// "Loading..." where a script was to fill in a widget (seed 001).
const LOADING = /^(?:loading(?: comments)?|please wait)(?:\s*\.{2,}|…)?$/i;

// Ad slot labels.
const ADVERTISEMENT =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|scroll to continue with content)$/i;

// "READ MORE: US, allies ask people to leave Kabul airport area over Daesh
// threat" (seed 001): a link to another story set between paragraphs.
const READ_MORE_LINK =
  /^(?:read more|read also|also read|see also|related(?: articles?| stories| news| content)?|more on this(?: story)?|recommended|more from [^:]{1,40}|watch|listen)\s*[:：\-–—|»›]\s*\S/i;

// A bare link label: "Read more" closing seed 000's donation appeal.
const READ_MORE_LABEL =
  /^(?:read more|read the full (?:story|article)|continue reading|click here to read more|show more|see more|view comments)\s*[.…»›>]*$/i;

// "Count : 169" on seed 002's published line; "1,234 views".
const VIEW_COUNTER =
  /\b(?:count|views?|hits|reads|page views)\s*[:：]\s*\d[\d,.]*\s*$|^\d[\d,.]*\s*(?:views|reads|shares)$/i;

// A row of share buttons: "Share", "Facebook | Twitter | Email", "Share on
// WhatsApp", "Share this story: Facebook | X | WhatsApp | Email". "X" (the
// former Twitter) counts only next to other share words: a lone "X" is not
// a share row.
const SHARE_WORD =
  '(?:share(?: this(?: article| story| page| post)?)?(?: on \\w+)?|tweet|e-?mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|vk|bluesky|threads|copy link|follow us(?: on \\w+)?)';
const SHARE_WIDGET = new RegExp(`^${SHARE_WORD}(?:\\s*[|·•,/:]?\\s*${SHARE_WORD})*\\s*:?$`, 'i');

// "Follow us on Telegram", "Join us on Facebook".
const FOLLOW_US =
  /\b(?:follow us (?:on|at)|join us on|like us on|subscribe to our (?:channel|telegram|youtube))\b/i;

// "Image: Moscow Times/" (seed 004), "Photo: AFP": a stand-alone photo credit.
const PHOTO_CREDIT =
  /^(?:photo|photos|image|images|picture|pic|photograph|illustration|graphic|credit|photo credit|image credit|file photo|cover photo)\s*(?:credit)?\s*[:：/|]\s*.{0,80}$/i;

// "Sakib Ali/Hindustan Times/Getty Images", "AFP via Getty Images": a
// photographer and picture agency, the credit line under a picture.
const PICTURE_AGENCY_CREDIT =
  /^(?:[\p{L}.'’ -]{2,40}\/){0,3}\s*(?:getty images|afp|reuters|ap photo|ap|epa(?:-efe)?|shutterstock|alamy|sipa|anadolu agency|tass|ria novosti|sputnik|xinhua|bloomberg)(?:\s+via\s+(?:getty images|reuters|ap))?(?:\s*\/\s*[\p{L} ]{2,30})?$/iu;

// "... following the US troop withdrawal. photo : AFP" (seed 002): a
// caption that ends with its photo credit.
const CAPTION_PHOTO_CREDIT =
  /(?:^|[.!?)\]]\s*|\s)[([]?(?:photo|image|picture|photograph|file photo|pic)\s*(?:credit)?\s*[:：/|]\s*[^.:]{1,60}[)\]]?$/i;

// "Russia is the world's second-largest arms exporter. Russian Defense
// Ministry" (seed 000): a caption sentence followed by its credit, a run of
// capitalised words with no final punctuation. The sentence must end in a
// lower-case word, so an abbreviation ("St. Louis") does not end it.
const CAPTION_TRAILING_CREDIT =
  /^.{10,300}?\p{Ll}{2}[.!?]["”’]?\s+(?:\p{Lu}[\p{L}\p{N}'’&.\-/]*\s*){1,4}$/u;

// "Published : Friday, 27 August, 2021 at 12:00 AM" (seed 002), "Updated: ...".
const DATE_LABEL =
  /^(?:published|posted|first published|updated|last updated|last modified|modified|date|released?)\s*(?:on|at)?\s*[:：]?\s*/i;

// Share of a unit's non-space characters a date must cover for the unit to
// be a date line: "Monday, Aug 23, 2021 - 02:03 PM" (seed 004) is all date.
const DATE_LINE_MIN_COVER = 0.7;

// "5 min read".
const READING_TIME = /^\d+\s*(?:min(?:ute)?s?)\.?\s*read$/i;

// "Sign up for our free weekly newsletter" (seed 000).
const NEWSLETTER_SIGNUP =
  /\b(?:sign up|subscribe|register|get|receive)\b[^.!?]{0,50}\bnewsletters?\b/i;

// "Subscribers agree to the Privacy Policy" (seed 000), the consent line under a sign-up form.
const NEWSLETTER_CONSENT =
  /^(?:subscribers agree|by (?:signing up|subscribing|registering)|you (?:can|may) unsubscribe)/i;

// "Support The Moscow Times!" (seed 000): the outlet's own donation banner.
const SUPPORT_BANNER = /^(?i:support)\s+(?:us|\p{Lu}[^.?!]{0,60})!$/u;

// "A Message from The Moscow Times:" (seed 000): the opener of a donation appeal.
const MESSAGE_FROM = /^(?i:a message from)\s+\p{Lu}.{0,60}$/u;

// "Dear readers," (seed 000): the salutation of an appeal.
const DEAR_READERS = /^(?i:dear)\s+(?i:readers?|friends|subscribers|supporters)\b[^.]{0,20}$/u;

// "Not ready to support today?" / "Remind me later." (seed 000): the close of a donation widget.
const DONATION_CLOSER =
  /\b(?:remind me later|not ready to (?:support|donate|give)|maybe later|already (?:a member|a supporter|donated))\b/i;

// "Once / Monthly / Annual / Continue / paiment methods" (seed 000, the
// payment widget's labels, misspelling as on the page).
const PAYMENT_WIDGET =
  /^(?:once|one[- ]time|monthly|annual(?:ly)?|yearly|weekly|continue|donate(?: now)?|give now|payment methods?|paiment methods|other amount|choose an amount|[$€£]\s?\d+(?:\.\d{2})?)$/i;

// "Skip to main content" (the Coastline Courier example): a keyboard
// shortcut link to a part of the page, navigation in any layout.
const SKIP_LINK =
  /^skip (?:to|over) (?:the )?(?:main |page )?(?:content|navigation|nav|menu|main|search|footer|article)$/i;

// "Subscribe from 2 crowns a week" (the Coastline Courier example), "Get
// unlimited access for $1 a week": a paid subscription on sale, an
// advertisement for the outlet itself. A free newsletter sign-up names no
// price and stays `newsletter`.
const PAID_OFFER =
  /^(?:subscribe|subscriptions?|get (?:full |unlimited |digital )?access|become a (?:member|subscriber)|start (?:your|a) (?:free )?trial)\b(?:[^.!?]|\.\d){0,60}?\d(?:[^.!?]|\.\d){0,30}?\b(?:a|per|\/)\s?(?:day|week|month|year)\b/i;

// "Tags: Russia, Afghanistan".
const TAGS = /^(?:tags?|topics?|filed under|categories|keywords)\s*[:：]/i;

// "Home › World › Asia". Not "/", which joins photo credits ("Sakib
// Ali/Hindustan Times/Getty Images", seen in the extraction benchmark).
const BREADCRUMB = /^[\p{L}&' ]{1,24}(?:\s*[›»>|]\s*[\p{L}&' ]{1,24}){2,6}$/u;

// A row of menu links: "Home | National | Ports & Shipping | Opinion |
// E-Paper", "Home · News · Campus · Culture · About the Lantern". Three or
// more short items (at most four words of letters, no digits or commas)
// between bars, middle dots or bullets with spaces around them; a headline
// with one "|" before the site name has two items.
const MENU_ROW = /^[\p{L}&'’\- ]{1,30}(?:\s+[|·•]\s+[\p{L}&'’\- ]{1,30}){2,12}$/u;
// Menu items are a section name or two ("Ports & Shipping", "About the
// Lantern" in the example pages); a longer item is a headline or a sentence.
const MENU_ITEM_MAX_WORDS = 4;

function isMenuRow(unit: UnitFeatures): boolean {
  if (!MENU_ROW.test(unit.text)) return false;
  return unit.text
    .split(/\s+[|·•]\s+/)
    .every((item) => item.trim().split(/\s+/).length <= MENU_ITEM_MAX_WORDS);
}

// "© 2021 Example News. All rights reserved."
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/i;

// "12 comments", "Leave a comment".
const COMMENTS =
  /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:leave a (?:comment|reply)|post a comment|show comments|add a comment|join the (?:conversation|discussion))\b/i;

// "* * *" (seed 004), "---", "•••".
const SEPARATOR = /^[\s*•·—–\-_=~#.]{3,}$/;

// "About the author".
const ABOUT_AUTHOR = /^about the authors?:?$/i;

// Lexicon of words that furniture uses and story prose seldom does.
const NEWSLETTER_WORDS =
  /\b(?:newsletters?|subscribe|subscribers?|subscription|inbox|mailbox|unsubscribe)\b/i;
const LEGAL_WORDS = /\b(?:privacy policy|terms of (?:use|service)|cookie policy|cookies)\b/i;
const DONATION_WORDS =
  /\b(?:donat(?:e|es|ed|ing|ion|ions)|support us|support our (?:work|journalism|newsroom)|contribution|independent journalism|become a (?:member|supporter|patron)|patreon)\b/i;
const RELATED_WORDS =
  /\b(?:read more|related|see also|recommended for you|more stories|most read|most popular|trending)\b/i;
const PHOTO_WORDS = /\b(?:photo|image|picture|getty images|shutterstock|file photo)\b/i;
const ADVERT_WORDS = /\b(?:advertisement|sponsored|promoted)\b/i;

function isDateLine(unit: UnitFeatures): boolean {
  if (unit.words > 14) return false;
  const match = findDate(unit.text);
  if (!match) return false;
  const dense = (s: string): number => s.replace(/\s/g, '').length;
  return dense(unit.text.slice(match.index, match.end)) >= DATE_LINE_MIN_COVER * dense(unit.text);
}

function isLabelledDate(unit: UnitFeatures): boolean {
  const label = DATE_LABEL.exec(unit.text);
  return (
    label !== null &&
    label[0].length > 0 &&
    unit.words <= 20 &&
    findDate(unit.text.slice(label[0].length)) !== null
  );
}

/**
 * The classifier's rules, in priority order: when two reasons score the
 * same, the one whose rule comes first wins.
 */
export const UNIT_RULES: readonly UnitRule[] = [
  {
    name: 'loading-placeholder',
    reason: 'placeholder',
    weight: STRONG,
    test: matches(LOADING),
    explain: "a 'Loading…' placeholder",
  },
  {
    name: 'advertisement-label',
    reason: 'advertisement',
    weight: STRONG,
    test: matches(ADVERTISEMENT),
    explain: 'an advertisement label',
  },
  {
    name: 'read-more-link',
    reason: 'related-link',
    weight: STRONG,
    test: matches(READ_MORE_LINK, 40),
    explain: "a 'READ MORE: …' link to another story",
  },
  {
    name: 'read-more-label',
    reason: 'related-link',
    weight: STRONG,
    test: matches(READ_MORE_LABEL),
    explain: "a bare 'Read more' link",
  },
  {
    name: 'view-counter',
    reason: 'counter',
    weight: STRONG,
    test: matches(VIEW_COUNTER, 30),
    explain: "a view counter ('Count : 169')",
  },
  {
    name: 'share-widget',
    reason: 'share',
    weight: STRONG,
    test: (u) => !/^x$/i.test(u.text) && matches(SHARE_WIDGET)(u),
    explain: 'share buttons',
  },
  {
    name: 'follow-us',
    reason: 'share',
    weight: LEXICON + 0.2,
    test: matches(FOLLOW_US, 20),
    explain: "a 'follow us' invitation",
  },
  {
    name: 'caption-photo-credit',
    reason: 'caption',
    weight: STRONG,
    test: matches(CAPTION_PHOTO_CREDIT, 80),
    explain: "a caption ending in a photo credit ('photo : AFP')",
  },
  {
    name: 'photo-credit',
    reason: 'photo-credit',
    weight: STRONG,
    test: matches(PHOTO_CREDIT, 14),
    explain: "a photo credit ('Image: …')",
  },
  {
    name: 'picture-agency-credit',
    reason: 'photo-credit',
    weight: STRONG,
    test: (u) => (/[/]|\bvia\b/i.test(u.text) ? matches(PICTURE_AGENCY_CREDIT, 14)(u) : false),
    explain: "a picture credit ('<photographer>/<agency>/Getty Images')",
  },
  {
    name: 'caption-trailing-credit',
    reason: 'caption',
    weight: 1.2,
    test: (u) => !u.terminal && CAPTION_TRAILING_CREDIT.test(u.text),
    explain: 'a caption sentence followed by a credit in capitalised words',
  },
  {
    name: 'labelled-date',
    reason: 'date',
    weight: STRONG,
    test: isLabelledDate,
    explain: "a 'Published: <date>' line",
  },
  {
    name: 'date-line',
    reason: 'date',
    weight: STRONG,
    test: isDateLine,
    explain: 'a line that is only a date',
  },
  {
    name: 'reading-time',
    reason: 'header',
    weight: STRONG,
    test: matches(READING_TIME),
    explain: "a 'N min read' label",
  },
  {
    name: 'byline',
    reason: 'byline',
    weight: STRONG,
    test: (u) => u.words <= 16 && parseByline(u.text) !== null,
    explain: "a byline ('by <name>')",
  },
  {
    name: 'author-photo',
    reason: 'byline',
    weight: STRONG,
    test: (u) => authorFromPhoto(u.text) !== null,
    explain: "an author picture's alt text ('<name>'s Photo')",
  },
  {
    name: 'author-box',
    reason: 'author-box',
    weight: STRONG,
    test: (u) => authorFromAuthorBox(u.text) !== null || ABOUT_AUTHOR.test(u.text),
    explain: "an author box ('Latest posts by <name> (see all)')",
  },
  {
    name: 'credit-line',
    reason: 'credit-line',
    weight: STRONG,
    test: (u) => u.words <= 30 && readCreditLine(u.text) !== null,
    explain: "a credit line ('Reuters', '(Reporting by …; Editing by …)', 'With inputs from PTI')",
  },
  {
    name: 'newsletter-signup',
    reason: 'newsletter',
    weight: STRONG,
    test: matches(NEWSLETTER_SIGNUP, 25),
    explain: "a newsletter sign-up ('Sign up for our … newsletter')",
  },
  {
    name: 'newsletter-consent',
    reason: 'newsletter',
    weight: STRONG,
    test: matches(NEWSLETTER_CONSENT, 30),
    explain: "a sign-up form's consent line ('Subscribers agree to the Privacy Policy')",
  },
  {
    name: 'support-banner',
    reason: 'donation',
    weight: STRONG,
    test: matches(SUPPORT_BANNER, 10),
    explain: "a donation banner ('Support <outlet>!')",
  },
  {
    name: 'message-from',
    reason: 'donation',
    weight: STRONG,
    test: (u) => !u.terminal && matches(MESSAGE_FROM, 10)(u),
    explain: "an appeal opener ('A Message from <outlet>:')",
  },
  {
    name: 'dear-readers',
    reason: 'donation',
    weight: 1.2,
    test: matches(DEAR_READERS, 5),
    explain: "an appeal's salutation ('Dear readers,')",
  },
  {
    name: 'donation-closer',
    reason: 'donation',
    weight: STRONG,
    test: matches(DONATION_CLOSER, 12),
    explain: "a donation widget's close ('Remind me later.')",
  },
  {
    name: 'payment-widget',
    reason: 'donation',
    weight: LEXICON + 0.2,
    test: matches(PAYMENT_WIDGET, 3),
    explain: "a payment widget label ('Monthly', 'Continue')",
  },
  {
    name: 'skip-link',
    reason: 'navigation',
    weight: STRONG,
    test: matches(SKIP_LINK),
    explain: "a 'Skip to main content' link",
  },
  {
    name: 'paid-offer',
    reason: 'advertisement',
    weight: STRONG,
    test: matches(PAID_OFFER, 16),
    explain: "a subscription offer with a price ('Subscribe from 2 crowns a week')",
  },
  {
    name: 'tags',
    reason: 'navigation',
    weight: STRONG,
    test: matches(TAGS, 30),
    explain: "a 'Tags:' list",
  },
  {
    name: 'breadcrumb',
    reason: 'navigation',
    weight: 1.2,
    test: matches(BREADCRUMB, 12),
    explain: 'a breadcrumb trail',
  },
  {
    name: 'menu-row',
    reason: 'navigation',
    weight: 1.2,
    test: isMenuRow,
    explain: "a row of menu links ('Home | National | Opinion')",
  },
  {
    name: 'copyright',
    reason: 'legal',
    weight: STRONG,
    test: matches(COPYRIGHT, 20),
    explain: 'a copyright notice',
  },
  {
    name: 'comments',
    reason: 'comments',
    weight: STRONG,
    test: matches(COMMENTS, 8),
    explain: 'a comments link or count',
  },
  {
    name: 'separator',
    reason: 'boilerplate',
    weight: STRONG,
    test: matches(SEPARATOR),
    explain: "a separator ('* * *')",
  },
  {
    name: 'newsletter-words',
    reason: 'newsletter',
    weight: LEXICON,
    test: matches(NEWSLETTER_WORDS),
    explain: "newsletter words ('subscribe', 'inbox')",
  },
  {
    name: 'legal-words',
    reason: 'legal',
    weight: LEXICON,
    test: matches(LEGAL_WORDS),
    explain: "legal words ('privacy policy', 'cookies')",
  },
  {
    name: 'donation-words',
    reason: 'donation',
    weight: LEXICON,
    test: matches(DONATION_WORDS),
    explain: "donation words ('donate', 'support us')",
  },
  {
    name: 'related-words',
    reason: 'related-link',
    weight: LEXICON - 0.1,
    test: matches(RELATED_WORDS),
    explain: "related-link words ('read more', 'trending')",
  },
  {
    name: 'photo-words',
    reason: 'photo-credit',
    weight: LEXICON - 0.1,
    test: matches(PHOTO_WORDS),
    explain: "photo words ('photo', 'image')",
  },
  {
    name: 'advert-words',
    reason: 'advertisement',
    weight: LEXICON,
    test: matches(ADVERT_WORDS),
    explain: "advertising words ('sponsored')",
  },
];

/** Names of the rules that open an appeal block (see `classifyUnits`), by reason. */
export const APPEAL_OPENERS: Readonly<Record<'newsletter' | 'donation', readonly string[]>> = {
  newsletter: ['newsletter-signup'],
  donation: ['support-banner', 'message-from', 'dear-readers'],
};

/** Names of the lexicon rules an appeal's own prose hits, by reason. */
export const APPEAL_LEXICON: Readonly<Record<'newsletter' | 'donation', readonly string[]>> = {
  newsletter: ['newsletter-words'],
  donation: ['donation-words'],
};

/** Names of the rules that close an appeal block, by reason. */
export const APPEAL_CLOSERS: Readonly<Record<'newsletter' | 'donation', readonly string[]>> = {
  newsletter: ['newsletter-consent'],
  donation: ['donation-closer'],
};

/** True when a unit hits any furniture-lexicon rule (weight below `REMOVE_SCORE`). */
export function hasLexiconHit(unit: UnitFeatures): boolean {
  for (const rule of UNIT_RULES) if (rule.weight < REMOVE_SCORE && rule.test(unit)) return true;
  return false;
}
