import type { Entity, EntityKind } from '../model/annotation.ts';
import type { Span } from '../model/span.ts';

/** One hand-labelled sentence: its text and every person, organisation and place in it. */
export interface LabelledSentence {
  /** Where the sentence came from (file and record). */
  source: string;
  text: string;
  /** In text order; a name written twice is listed twice. */
  entities: Array<{ text: string; kind: EntityKind }>;
}

/** Precision and recall of one class of mentions. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

/** How a recognizer did on a labelled sample. */
export interface EntityScore extends PrecisionRecall {
  /** Same span, any kind: how well names are found, apart from typing them. */
  spans: PrecisionRecall;
  byKind: Record<EntityKind, PrecisionRecall>;
  /** Every miss and false alarm, for reading. */
  errors: Array<{
    source: string;
    error: 'missed' | 'spurious' | 'wrong-kind';
    text: string;
    kind: EntityKind;
    got?: EntityKind;
  }>;
}

const KINDS: EntityKind[] = ['person', 'organization', 'place'];

function pr(gold: number, predicted: number, correct: number): PrecisionRecall {
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = gold === 0 ? 1 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Place each labelled name on its first free whole-word occurrence in the text. */
function locate(s: LabelledSentence): Array<Span & { kind: EntityKind; text: string }> {
  const taken: Span[] = [];
  const out: Array<Span & { kind: EntityKind; text: string }> = [];
  for (const g of s.entities) {
    let from = 0;
    for (;;) {
      const at = s.text.indexOf(g.text, from);
      if (at < 0)
        throw new RangeError(
          `Expected "${g.text}" in the sentence from ${s.source}, got no free occurrence`,
        );
      const end = at + g.text.length;
      const boundary =
        !/[\p{L}\p{N}]/u.test(s.text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(s.text[end] ?? ' ');
      if (boundary && !taken.some((t) => at < t.end && end > t.start)) {
        taken.push({ start: at, end });
        out.push({ start: at, end, kind: g.kind, text: g.text });
        break;
      }
      from = at + 1;
    }
  }
  return out;
}

/**
 * Score a recognizer on labelled sentences: a mention is correct when its
 * span and kind equal a labelled one exactly (CoNLL-style strict matching).
 *
 * @param recognize runs the recognizer (and whatever else should count, e.g. coreference) on one sentence
 */
export function scoreEntities(
  sample: readonly LabelledSentence[],
  recognize: (text: string) => readonly Entity[],
): EntityScore {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  let spanCorrect = 0;
  const kinds = Object.fromEntries(
    KINDS.map((k) => [k, { gold: 0, predicted: 0, correct: 0 }]),
  ) as Record<EntityKind, { gold: number; predicted: number; correct: number }>;
  const errors: EntityScore['errors'] = [];
  for (const s of sample) {
    const want = locate(s);
    const got = recognize(s.text);
    gold += want.length;
    predicted += got.length;
    for (const w of want) kinds[w.kind].gold++;
    for (const g of got) kinds[g.kind].predicted++;
    for (const g of got) {
      const match = want.find((w) => w.start === g.start && w.end === g.end);
      if (match === undefined) {
        errors.push({ source: s.source, error: 'spurious', text: g.text, kind: g.kind });
        continue;
      }
      spanCorrect++;
      if (match.kind === g.kind) {
        correct++;
        kinds[g.kind].correct++;
      } else
        errors.push({
          source: s.source,
          error: 'wrong-kind',
          text: g.text,
          kind: match.kind,
          got: g.kind,
        });
    }
    for (const w of want) {
      if (!got.some((g) => g.start === w.start && g.end === w.end)) {
        errors.push({ source: s.source, error: 'missed', text: w.text, kind: w.kind });
      }
    }
  }
  const byKind = Object.fromEntries(
    KINDS.map((k) => [k, pr(kinds[k].gold, kinds[k].predicted, kinds[k].correct)]),
  ) as Record<EntityKind, PrecisionRecall>;
  return {
    ...pr(gold, predicted, correct),
    spans: pr(gold, predicted, spanCorrect),
    byKind,
    errors,
  };
}
