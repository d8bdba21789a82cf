import type { PassageKind, StoryAnalysis, WordEditKind } from '../model/index.ts';
import { escapeHtml as h } from './escape.ts';
import type { StoryIds } from './html-targets.ts';
import { section } from './html-util.ts';
import type { StoryView } from './story-view.ts';

// Codes of the compact data the report script reads (see report-script.ts:
// the same order there).
const EDIT_CODES: readonly WordEditKind[] = [
  'spelling',
  'punctuation',
  'function-word',
  'number-format',
  'substitution',
  'insertion',
  'deletion',
];
const PASSAGE_CODES: readonly PassageKind[] = ['verbatim', 'edited', 'paraphrase'];

/** An edit: [kind, aStart, aEnd, bStart, bEnd, framing 0/1]. */
type EditRow = [number, number, number, number, number, number];
/** A passage: [kind, aStart, aEnd, bStart, bEnd, similarity %, edits]. */
type PassageRow = [number, number, number, number, number, number, EditRow[]];
/** A pair: [left article index, right article index, coverage of left, of right, passages]. */
type PairRow = [number, number, number, number, PassageRow[]];

/** What the side-by-side view of one story needs in the browser. */
export interface CompareData {
  id: string;
  labels: string[];
  headlines: string[];
  texts: string[];
  pairs: PairRow[];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The story's alignments in the compact form the report script draws the
 * side-by-side view from (arrays, not objects: a 50-article story has
 * over a thousand pairs). Article indexes follow the narrative order.
 */
export function compareData(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): CompareData {
  const pairs: PairRow[] = [];
  for (const al of analysis.alignments) {
    const a = view.position.get(al.a);
    const b = view.position.get(al.b);
    if (a === undefined || b === undefined) continue;
    pairs.push([
      a,
      b,
      round(al.coverage.a),
      round(al.coverage.b),
      al.passages.map(
        (p): PassageRow => [
          Math.max(0, PASSAGE_CODES.indexOf(p.kind)),
          p.a.start,
          p.a.end,
          p.b.start,
          p.b.end,
          Math.round(p.similarity * 100),
          p.edits.map(
            (e): EditRow => [
              Math.max(0, EDIT_CODES.indexOf(e.kind)),
              e.aSpan.start,
              e.aSpan.end,
              e.bSpan.start,
              e.bSpan.end,
              e.framing ? 1 : 0,
            ],
          ),
        ],
      ),
    ]);
  }
  return {
    id: ids.story,
    labels: view.articles.map((a) => view.label(a.id)),
    headlines: view.articles.map((a) => a.headline ?? ''),
    texts: view.articles.map((a) => a.text),
    pairs,
  };
}

/** The pair shown first: the one with the most meaning-changing edits, then the most passages. */
function defaultPair(data: CompareData): [number, number] {
  let best: { pair: [number, number]; score: [number, number, number] } | null = null;
  for (const [a, b, , , passages] of data.pairs) {
    let framing = 0;
    let meaning = 0;
    for (const p of passages) {
      for (const e of p[6]) {
        if (e[5] === 1) framing++;
        if (e[0] === 4) meaning++;
      }
    }
    const score: [number, number, number] = [framing, meaning, passages.length];
    if (
      best === null ||
      score[0] > best.score[0] ||
      (score[0] === best.score[0] && score[1] > best.score[1]) ||
      (score[0] === best.score[0] && score[1] === best.score[1] && score[2] > best.score[2])
    ) {
      best = { pair: [a, b], score };
    }
  }
  return best?.pair ?? [0, Math.min(1, data.labels.length - 1)];
}

/** The side-by-side section: two article pickers and two columns the script fills. */
export function compareSection(view: StoryView, ids: StoryIds, data: CompareData): string {
  if (view.articles.length < 2) return '';
  const [left, right] = defaultPair(data);
  const options = (selected: number): string =>
    data.labels
      .map(
        (label, i) =>
          `<option value="${i}"${i === selected ? ' selected' : ''}>${h(`${i + 1}. ${label}`)}</option>`,
      )
      .join('');
  const s = ids.story;
  const legend = [
    '<span class="psg psg-verbatim">same words</span>',
    '<span class="psg psg-edited">edited copy</span>',
    '<span class="psg psg-paraphrase">paraphrase</span>',
    '<span class="ed ed-spelling">spelling</span>',
    '<span class="ed ed-punctuation">punctuation</span>',
    '<span class="ed ed-function-word">function word</span>',
    '<span class="ed ed-number-format">number format</span>',
    '<span class="ed ed-substitution">changed words</span>',
    '<span class="ed ed-substitution framing">loaded term</span>',
    '<span class="ed ed-deletion">only in this article</span>',
    '<span class="ed gap-mark">‸</span> missing here',
  ];
  const body = `<p class="lede">Pick two articles. Shared passages are shaded; inside them each edit is marked by kind. Select a passage to jump to its counterpart.</p>
<div class="pair-controls">
<label for="${s}-left">Left<select id="${s}-left">${options(left)}</select></label>
<button type="button" id="${s}-swap" aria-label="Swap left and right">⇄ Swap</button>
<label for="${s}-right">Right<select id="${s}-right">${options(right)}</select></label>
</div>
<ul class="legend" aria-label="Legend">${legend.map((l) => `<li>${l}</li>`).join('')}</ul>
<p class="pair-summary" id="${s}-pair-summary" aria-live="polite"></p>
<div class="pair" id="${s}-pair"><div class="col" id="${s}-col-a"><noscript><p class="empty">The side-by-side view needs JavaScript; every article is below in full.</p></noscript></div><div class="col" id="${s}-col-b"></div></div>`;
  return section(ids.section('compare'), 'Compare two articles', body);
}
