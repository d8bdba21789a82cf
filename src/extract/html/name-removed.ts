import type { RemovalReason } from '../../model/index.ts';
import { unitFeatures } from '../text/features.ts';
import { scoreUnit } from '../text/score-unit.ts';
import type { TextBlock } from './blocks.ts';
import type { ElementSignal } from './element-signals.ts';
import type { BlockDecision } from './select-body.ts';
import { textVerdict } from './text-rules.ts';

/**
 * Reasons of the HTML extractor's own phrase rules (`textVerdict`) that
 * carry page metadata (bylines, dates, credits, copyright holders are read
 * from blocks removed for them): when they fire, the words decide.
 */
const FACT_REASONS: ReadonlySet<RemovalReason> = new Set([
  'byline',
  'date',
  'credit-line',
  'legal',
  'photo-credit',
]);

/**
 * Most blocks a furniture box may hold besides the block being named:
 * past that it is a region of the page, not a box, and the walk stops
 * (it also bounds the work on pages of thousands of links). The boxes of
 * the example pages hold at most 6 blocks; the bound is set far above
 * that, not measured.
 */
const GROUP_MAX_BLOCKS = 200;

/**
 * Reasons that name a whole box of furniture, which a block with no
 * evidence of its own may take from the others in its box. Reasons of one
 * item (a date, a byline, a headline, a caption) do not spread: the
 * headline of a teaser card is not a date because the card has one.
 */
const BOX_REASONS: ReadonlySet<RemovalReason> = new Set([
  'navigation',
  'legal',
  'share',
  'newsletter',
  'donation',
  'comments',
  'related-link',
  'advertisement',
]);

/**
 * Box reasons the classifier's lexicon alone may vouch for in a box
 * ("Privacy policy" in a footer). Not donations and advertisements: its
 * payment and advertising words fire on prices and product names too.
 */
const WORDY_BOX_REASONS: ReadonlySet<RemovalReason> = new Set([
  'navigation',
  'legal',
  'share',
  'newsletter',
  'comments',
  'related-link',
]);

interface Named {
  reason: RemovalReason;
  detail: string;
}

/** What the blocks of a page say, read once for naming. */
interface Reading {
  blocks: readonly TextBlock[];
  decisions: readonly BlockDecision[];
  /** Elements that hold body text: never a box of furniture, whatever their class. */
  holdsBody: ReadonlySet<TextBlock['element']>;
  /** Per block, the shared classifier's score of its words. */
  scores: ReadonlyArray<ReturnType<typeof scoreUnit>>;
}

/** The words or the markup that say what a block is, strongest evidence first; null when neither does. */
function ownEvidence(page: Reading, block: TextBlock): Named | null {
  const score = page.scores[block.index];
  if (score?.strong) return { reason: score.reason, detail: score.detail };
  const said = textVerdict(block.text);
  if (said !== null && FACT_REASONS.has(said.reason)) return said;
  const signal = innermostSignal(page, block, false);
  return signal === null ? null : { reason: signal.reason, detail: signal.detail };
}

/** The innermost strong (or weak) signal around a block, from elements that hold no body text. */
function innermostSignal(page: Reading, block: TextBlock, weak: boolean): ElementSignal | null {
  for (let d = block.signals.length - 1; d >= 0; d--) {
    const signal = block.signals[d];
    const el = block.ancestors[d];
    if (signal && signal.weak === weak && el !== undefined && !page.holdsBody.has(el)) {
      return signal;
    }
  }
  return null;
}

function describe(el: TextBlock['element']): string {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  return `<${el.localName}${id ? ` id="${id}"` : ''}${cls ? ` class="${cls}"` : ''}>`;
}

/**
 * The reason a block with no evidence of its own takes from the furniture
 * it sits with: walking out from the block, the first container whose
 * other blocks say what kind of box it is names it, when they agree and at
 * least half of them say so (else the walk goes on out: the box may be
 * one part of a larger one). The links of a footer whose copyright line
 * and "Privacy policy" link are legal are the legal footer; a logo beside
 * a menu is navigation. A container that holds body text, or blocks that
 * disagree, ends the walk.
 */
function groupReason(
  page: Reading,
  evidence: ReadonlyArray<Named | null>,
  block: TextBlock,
): Named | null {
  const { blocks, decisions } = page;
  // ancestors[0] is <html>, [1] <body>: containers start below them.
  for (let d = block.ancestors.length - 1; d >= 2; d--) {
    const container = block.ancestors[d];
    if (container === undefined) continue;
    if (page.holdsBody.has(container)) return null;
    const reasons = new Set<RemovalReason>();
    let others = 0;
    let said = 0;
    for (const step of [-1, 1]) {
      for (let i = block.index + step; ; i += step) {
        const other = blocks[i];
        if (other === undefined || other.ancestors[d] !== container) break;
        if (++others > GROUP_MAX_BLOCKS || decisions[i]?.keep) return null;
        const own = evidence[i];
        const score = page.scores[i];
        const weak =
          score?.remove && WORDY_BOX_REASONS.has(score.reason) ? score.reason : undefined;
        const reason = own?.reason ?? weak;
        if (reason !== undefined && BOX_REASONS.has(reason)) {
          reasons.add(reason);
          said++;
        }
      }
    }
    if (reasons.size > 1) return null;
    const [reason] = reasons;
    // Too few of them say so: the box may be one of several in a larger one.
    if (reason !== undefined && 2 * said >= others) {
      return { reason, detail: `inside ${describe(container)} with other ${reason} blocks` };
    }
  }
  return null;
}

/**
 * Name every removed block as precisely as the page allows, in place;
 * which blocks are removed does not change. In order: the page title
 * stays the headline; the words, by the shared furniture classifier of
 * plain text and Markdown (`scoreUnit`, strong rules only) and the HTML
 * phrase rules that carry metadata; what the markup around the block says
 * (`elementSignal`: tag, role, aria-label, class, id, form fields) when
 * that element holds no body text; the reason of the furniture box it
 * sits in; the reason the body selection gave; the classifier's weaker
 * word evidence; last, the place on the page (a footer, an aside, a form).
 */
export function nameRemoved(blocks: readonly TextBlock[], decisions: BlockDecision[]): void {
  const holdsBody = new Set<TextBlock['element']>();
  for (const b of blocks) {
    if (decisions[b.index]?.keep) for (const el of b.ancestors) holdsBody.add(el);
  }
  const page: Reading = {
    blocks,
    decisions,
    holdsBody,
    scores: blocks.map((b) =>
      decisions[b.index]?.keep === false ? scoreUnit(unitFeatures(b.text)) : null,
    ),
  };
  const evidence = blocks.map((b) => {
    const d = decisions[b.index];
    if (d === undefined || d.keep) return null;
    if (d.reason === 'headline') return { reason: d.reason, detail: d.detail };
    return ownEvidence(page, b);
  });
  for (const b of blocks) {
    const d = decisions[b.index];
    if (d === undefined || d.keep) continue;
    const named = evidence[b.index] ?? groupReason(page, evidence, b) ?? weakName(page, b, d);
    decisions[b.index] = { keep: false, reason: named.reason, detail: named.detail };
  }
}

function weakName(page: Reading, block: TextBlock, decision: BlockDecision): Named {
  if (decision.reason !== 'boilerplate') return decision;
  const score = page.scores[block.index];
  if (score?.remove) return { reason: score.reason, detail: score.detail };
  const signal = innermostSignal(page, block, true);
  if (signal !== null) return { reason: signal.reason, detail: signal.detail };
  return decision;
}
