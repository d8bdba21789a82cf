import type { BriefQuote, QuoteGroup, QuoteVariantKind } from '../model/index.ts';

/** Variant kinds that keep the quote as said. */
const KEPT: ReadonlySet<QuoteVariantKind> = new Set(['identical', 'trivial']);

/**
 * Each quote with its speaker and its fidelity: the articles that keep it as
 * said, and those that alter, cut, extend or misattribute it.
 */
export function briefQuotes(groups: readonly QuoteGroup[]): BriefQuote[] {
  return groups.map((group) => {
    const kept: string[] = [];
    const changed: BriefQuote['changed'] = [];
    for (const v of group.variants) {
      if (KEPT.has(v.kind)) {
        if (!kept.includes(v.article)) kept.push(v.article);
      } else {
        changed.push({ article: v.article, kind: v.kind, text: v.text, speaker: v.speaker });
      }
    }
    return { quote: group.id, text: group.canonical, speaker: group.speaker, kept, changed };
  });
}
