import type { RemovalReason } from '../../model/index.ts';

/** A furniture verdict on a block from its words alone. */
export interface TextVerdict {
  reason: RemovalReason;
  detail: string;
}

/** The `detail` of the related-stories heading rule, which other rules build on. */
export const RELATED_HEADING_DETAIL = 'related-stories heading';

interface TextRule {
  reason: RemovalReason;
  /** Tested against the whole, white-space-normalised block. */
  pattern: RegExp;
  /** Longer blocks are article text that happens to match. */
  maxLength: number;
  detail: string;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/**
 * Phrases that only page furniture uses, in the languages of the Zyte
 * benchmark's pages (mostly English, some Portuguese, Italian, German,
 * Korean, Indonesian). Each rule has a length cap so a real paragraph that
 * starts the same way is kept. Caps are set from the dev split: furniture
 * lines there are under 200 characters, except captions (up to ~300).
 */
const RULES: readonly TextRule[] = [
  {
    reason: 'legal',
    pattern:
      /^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved|무단전재|재배포 금지|\bthis (?:web)?site uses cookies\b|\bthe contents of this site are ©/i,
    maxLength: 400,
    detail: 'copyright or cookie notice',
  },
  // Captions and credits.
  {
    reason: 'photo-credit',
    pattern: /^\(?(?:photo|image|picture|foto|credit|source|illustration)s?\s*(?:credit)?\s*:/i,
    maxLength: 160,
    detail: "starts with 'Photo:'/'Credit:'",
  },
  {
    reason: 'photo-credit',
    pattern:
      /^(?:image|photo)\s+(?:copyright|caption)|^\(?(?:getty images|afp|reuters|ap|shutterstock|epa|alamy)\)?(?:\s+via\s+\S+)?$/i,
    maxLength: 60,
    detail: 'image copyright line',
  },
  {
    reason: 'photo-credit',
    pattern:
      /(?:^|\s)(?:\(?(?:image|photo|picture)s?:\s*)?©|\bcredit:\s*[^.]{2,60}$|\(AP Photo\/[^)]+\)$/i,
    maxLength: 320,
    detail: "'©'/'Credit:' in a short line",
  },
  {
    reason: 'caption',
    pattern: /^(?:image|photo|slide|picture)?\s*\d+\s*(?:of|\/|de|di)\s*\/?\s*\d+$/i,
    maxLength: 24,
    detail: "gallery counter ('1 of 9')",
  },
  {
    reason: 'caption',
    pattern:
      /^(?:enlarge(?: image| photo)?|caption|close|open gallery|view gallery|expand|fullscreen)$/i,
    maxLength: 20,
    detail: 'image viewer control',
  },
  {
    reason: 'caption',
    pattern: /^file photo:/i,
    maxLength: 400,
    detail: "starts with 'FILE PHOTO:'",
  },
  // Related links.
  {
    reason: 'related-link',
    pattern:
      /^[[(]?(?:(?:read|see|watch|listen)\s+(?:more|also|next)\b[^:.]{0,30}|related|more|also|recommended|leggi anche(?: su)?|lesen sie auch|leia também|veja também|baca juga)\s*(?:stories|articles|coverage|news|reading|links?)?\s*(?::|»|›|\.\.\.|…|$)|^also on\s|^on [a-z0-9.-]+\.(?:com|org|net|co\.uk):/i,
    maxLength: 200,
    detail: "'Read more'/'Related:' link",
  },
  {
    reason: 'related-link',
    pattern: /^(?:read|see|watch|listen)\s+(?:more|also|next)\b/i,
    maxLength: 60,
    detail: "short 'Read more' line",
  },
  {
    reason: 'related-link',
    pattern:
      /^(?:you may (?:also )?like|you might (?:also )?like|more from\b|more stories|most (?:read|popular)|popular (?:this week|now)|recent (?:articles|posts)|latest news|trending|more [a-z]+ news|what to read next|don'?t miss|você pode gostar|potrebbe interessarti|das könnte sie auch interessieren)\b|^(?:related|more)\b.{0,40}\b(?:stories|articles|coverage|reading|news)\b.{0,40}:?$/i,
    maxLength: 90,
    detail: RELATED_HEADING_DETAIL,
  },
  // Sharing, newsletters, subscriptions.
  {
    reason: 'share',
    pattern:
      /^(?:share|tweet|email|e-mail|print|pin|pint|submit|whatsapp|facebook|twitter|linkedin|reddit|flipboard|messenger|copy link|compartilhar|compartir|condividi|teilen|partager|share this(?: article| story)?|share on \w+)(?:\s*[|/·•]?\s*(?:share|tweet|email|print|pin|pint|whatsapp|facebook|twitter|linkedin|reddit|messenger|baixar|download|compartilhar|compartir|condividi|teilen|partager))*$/i,
    maxLength: 60,
    detail: 'share button',
  },
  {
    reason: 'related-link',
    pattern: /^more\b[^:]{0,40}:\s*(?:https?:\/\/|www\.)/i,
    maxLength: 200,
    detail: "'More …: <link>' line",
  },
  {
    reason: 'share',
    pattern:
      /\b(?:share (?:it|this)(?: story| article)? with (?:a|your) friends?|like this story\?)/i,
    maxLength: 120,
    detail: "'share it with a friend'",
  },
  {
    reason: 'newsletter',
    pattern:
      /\b(?:sign(?:ing)? up (?:for|to)|subscribe (?:to|for|now|today)|(?:our|free|daily|weekly|email) newsletters?|in your inbox|click here to subscribe|we(?:'ll| will)? send (?:you )?an? (?:e-?mail|newsletter))\b/i,
    maxLength: 260,
    detail: 'newsletter or subscription appeal',
  },
  {
    reason: 'newsletter',
    pattern: /^(?:sign up|subscribe|register|log ?in|sign in|my account)$/i,
    maxLength: 20,
    detail: 'account link',
  },
  {
    reason: 'advertisement',
    pattern:
      /^(?:advert(?:isement)?|ad|sponsored(?: content)?|iklan|anzeige|publicidade|pubblicità|continue reading (?:below|the main story)|story continues below(?: advertisement)?|article continues below)$/i,
    maxLength: 40,
    detail: 'advertisement label',
  },
  {
    reason: 'advertisement',
    pattern: /\bby clicking here$|^get [a-z ]+ on the go\b/i,
    maxLength: 80,
    detail: 'app promotion',
  },
  // Comments.
  {
    reason: 'comments',
    pattern:
      /^(?:\d+\s+)?(?:comments?(?:\s+comments?)?|post (?:a )?comment.*|leave a (?:comment|reply)|add (?:a )?comment|view comments|show comments|tell us what you think.*|join the (?:conversation|discussion).*)$/i,
    maxLength: 60,
    detail: 'comments prompt',
  },
  {
    reason: 'comments',
    pattern:
      /\b(?:moderating all comments|comments are (?:closed|moderated))\b|\b(?:comentários|comentarios|commenti)\b.{0,80}\b(?:aprovad|moderad|approvat|moderat)/i,
    maxLength: 200,
    detail: 'comments notice',
  },
  // Legal and site notices.
  {
    reason: 'boilerplate',
    pattern:
      /^(?:skip to (?:main )?content|skip to navigation|this slideshow requires javascript\.?|loading\.{0,3}|please enable javascript.*|tempo de leitura:.*|reading time:.*|\d+\s*min(?:ute)?s? read|estimated reading time.*)$/i,
    maxLength: 80,
    detail: 'site notice',
  },
  {
    reason: 'boilerplate',
    pattern: /\bmay contain affiliate\b|\bclick here\b|^want more stories like this\b/i,
    maxLength: 200,
    detail: 'site promotion or disclosure',
  },
  {
    reason: 'share',
    pattern: /\b(?:follow|like) us on\b|\bfollow (?:@\w+|(?:him|her|them|me) (?:on|at|@))/i,
    maxLength: 350,
    detail: "'follow us on …'",
  },
  {
    reason: 'navigation',
    pattern: /^(?:filed under|tagged(?: with)?|tags?|categor(?:y|ies)|topics?)\s*:/i,
    maxLength: 300,
    detail: "'Filed under:'/'Tags:' line",
  },
  {
    reason: 'boilerplate',
    pattern: /^\[button\b|^\[\/?[a-z][a-z0-9_-]*(?:\s+[a-z_-]+=[^\]]*)*\]$/,
    maxLength: 300,
    detail: 'unrendered shortcode',
  },
  // Author boxes and contact lines.
  {
    reason: 'author-box',
    pattern:
      /^(?:about the author|view author archive|email the author|follow (?:on|me on|him on|her on) twitter|more (?:articles|stories) by\b.*|view all posts by\b.*|posts by\b.*)$/i,
    maxLength: 80,
    detail: 'author box link',
  },
  {
    reason: 'author-box',
    pattern:
      /^(?:have a (?:news )?tip\?|reach (?:the )?(?:reporters?|writer|author)\b|follow [^.]{2,40} on (?:twitter|instagram|facebook)|contact (?:the )?(?:reporter|writer|author)\b|(?:[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}|(?:https?:\/\/)?(?:www\.)?(?:twitter|instagram|facebook)\.com\/\S+|@\w+)$)/i,
    maxLength: 200,
    detail: 'author contact line',
  },
  // Dates and bylines on their own line.
  {
    reason: 'date',
    pattern: new RegExp(
      `^(?:(?:first |last )?(?:published|updated|posted|modified|created)(?: on| at)?:?\\s*)?(?:[a-z]+day,?\\s*)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?(?:\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})(?:[,|/;\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,4})?)?(?:\\s*[|/;]\\s*.*)?$`,
      'i',
    ),
    maxLength: 100,
    detail: 'date line',
  },
  {
    reason: 'date',
    pattern: new RegExp(
      // A time alone ("4:14 p.m.") is a section heading in live-blog stories; only a time with a date or a "Published" word is a date line.
      `^(?:(?:(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?:?\\s*)(?:[a-z]+day,?\\s*)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,4})?|(?:[a-z]+day,?\\s*)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,4})?(?=[,\\s]+(?:[a-z]+day|${MONTH}|\\d)))(?:[,\\s]+(?:[a-z]+day,?\\s*)?(?:${MONTH}\\s+\\d{1,2},?(?:\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|\\d{4}))?$`,
      'i',
    ),
    maxLength: 80,
    detail: 'time line',
  },
  {
    reason: 'date',
    pattern:
      /^(?:(?:first |last )?(?:published|updated|posted|modified)\b.{0,60}(?:\d{4}|ago|[ap]\.?m\.?\b.*)|(?:published|updated|posted|today|yesterday)\s*(?:\d.*)?|\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago|\d{1,2}:\d{2}|\d{4})$/i,
    maxLength: 90,
    detail: "'Published …' line",
  },
  {
    reason: 'byline',
    pattern:
      /^(?:[\d/.\s]*[-–|]\s*)?(?:publicado por|pubblicato da|publié par|veröffentlicht von|posted by|published by)\s*:?\s*\S/i,
    maxLength: 160,
    detail: "'Posted by …' line",
  },
  {
    reason: 'navigation',
    pattern:
      /^(?:\d{1,3}\s+){2,}\d{1,3}$|^(?:previous|next|prev|older|newer)(?: (?:post|article|page))?$/i,
    maxLength: 60,
    detail: 'pagination',
  },
  {
    reason: 'boilerplate',
    pattern: /^[^\p{L}\p{N}_]+$/u,
    maxLength: 40,
    detail: 'no words',
  },
  {
    reason: 'byline',
    pattern:
      /^(?:by|written by|words by|posted by|story by|von|por|di|oleh)\s+[\p{Lu}][^.!?]{1,80}$|^(?:posted|published) on .{4,40} by \S.{0,40}$/iu,
    maxLength: 110,
    detail: "'By …' line",
  },
  {
    reason: 'credit-line',
    pattern:
      /^(?:reporting by|additional reporting by|writing by|editing by|compiled by|source:?|sources:?)\b.{0,200}$|^source:\s*\S.{0,60}$|\bcontributed to this (?:report|story|article)\.?$/i,
    maxLength: 260,
    detail: 'reporting credit',
  },
];

/**
 * Words a date line is made of, besides numbers: month and weekday names
 * and the words around them ("Published", "Updated", "às", "de", time
 * zones), in the benchmark's languages (English, Portuguese, Spanish,
 * Italian, French, German, Indonesian).
 */
const DATE_WORDS = new Set(
  `january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
  enero febrero marzo mayo junio julio septiembre setiembre octubre noviembre diciembre
  gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
  janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
  januar februar märz maerz juni juli oktober dezember
  januari februari maret mei agustus desember
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
  segunda terça terca quarta quinta sexta feira sábado sabado domingo
  lunes martes miércoles miercoles jueves viernes
  lunedì martedì mercoledì giovedì venerdì sabato
  lundi mardi mercredi jeudi vendredi samedi dimanche
  montag dienstag mittwoch donnerstag freitag samstag sonntag
  senin selasa rabu kamis jumat sabtu minggu
  published updated posted modified first last on at the of by in
  publicado atualizado actualizado em de del às as às a las
  pubblicato aggiornato il alle ore
  publié publie mis à jour le
  veröffentlicht aktualisiert am um uhr
  diterbitkan diperbarui pada pukul
  am pm a m p h hrs st nd rd th ago today yesterday hour hours minute minutes min mins day days
  est edt cst cdt mst mdt pst pdt gmt utc bst cet cest ist wib et pt ct jst kst aest`.split(/\s+/),
);

/** A short line of only a date and time ("segunda-feira, 22 de janeiro de 2018 às 0:13"). */
function isDateLine(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let named = 0;
  for (const w of words) {
    if (!DATE_WORDS.has(w)) return false;
    if (w.length > 2) named++;
  }
  // A month, weekday or "Published" must be named: bare numbers are table
  // cells and scores as often as dates.
  return named > 0;
}

/**
 * Judge a block by its words: the furniture phrase it matches, or null.
 * Only whole short blocks are judged, never phrases inside a paragraph.
 */
export function textVerdict(text: string): TextVerdict | null {
  for (const rule of RULES) {
    if (text.length <= rule.maxLength && rule.pattern.test(text)) {
      return { reason: rule.reason, detail: rule.detail };
    }
  }
  if (isDateLine(text)) return { reason: 'date', detail: 'date line' };
  return null;
}
