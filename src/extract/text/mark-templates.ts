import type { UnitVerdict } from './classify-units.ts';
import type { UnitFeatures } from './features.ts';
import { hasLexiconHit } from './rules.ts';

/** One classified document of a batch, as `markTemplates` sees it. */
export interface TemplateDocument {
  /** Documents of one group share templates: the outlet, or one group for all of unknown outlet. */
  group: string;
  texts: readonly string[];
  features: readonly UnitFeatures[];
  verdicts: UnitVerdict[];
}

/**
 * Fewest documents of one group a paragraph must appear in (verbatim, up to
 * case and white space) to be a template block. Two is the least that can
 * show a template, and the batch is all the evidence there is.
 */
export const TEMPLATE_MIN_DOCUMENTS = 2;

const key = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * True for a unit that reads like story copy: a finished sentence with no
 * furniture-lexicon hit. Wire copies share such paragraphs verbatim across
 * outlets (seeds 000 and 002 share "Uzbekistan and Tajikistan earlier this
 * month held joint military exercises ..."), so they are never templates.
 */
export function isArticleLike(unit: UnitFeatures): boolean {
  return (unit.prose || unit.sentenceLike) && !hasLexiconHit(unit);
}

/**
 * Mark template blocks across a batch: a kept unit whose text appears in at
 * least `TEMPLATE_MIN_DOCUMENTS` documents of the same group and does not
 * read like story copy gets reason `template`. Changes `verdicts` in place
 * and returns how many units it marked.
 */
export function markTemplates(documents: readonly TemplateDocument[]): number {
  const counts = new Map<string, Set<number>>();
  documents.forEach((doc, d) => {
    for (const text of doc.texts) {
      const k = `${doc.group}\u0000${key(text)}`;
      const set = counts.get(k);
      if (set) set.add(d);
      else counts.set(k, new Set([d]));
    }
  });
  let marked = 0;
  for (const doc of documents) {
    doc.texts.forEach((text, i) => {
      const verdict = doc.verdicts[i];
      const features = doc.features[i];
      if (!verdict || verdict.reason !== null || !features) return;
      const seen = counts.get(`${doc.group}\u0000${key(text)}`)?.size ?? 0;
      if (seen >= TEMPLATE_MIN_DOCUMENTS && !isArticleLike(features)) {
        doc.verdicts[i] = {
          reason: 'template',
          detail: `template: appears verbatim in ${seen} articles of the batch${doc.group === '' ? '' : ` from ${doc.group}`}`,
        };
        marked++;
      }
    });
  }
  return marked;
}
