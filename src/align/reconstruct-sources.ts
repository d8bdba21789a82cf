import type { Alignment, CommonSource, Passage } from '../model/alignment.ts';
import type { Article } from '../model/article.ts';
import { hashHex } from '../text/hash.ts';
import type { Token } from '../text/tokenize.ts';
import { alignPrepared } from './align-pair.ts';
import { codeUnitOrder } from './code-unit-order.ts';
import { countWireAvoided } from './loaded-terms.ts';
import { type PreparedText, prepareText, tokenAt } from './prepare-text.ts';

/**
 * Fewest articles sharing a passage set for a common source to be rebuilt:
 * with two copies a vote cannot tell the original from the edit.
 */
export const SOURCE_MIN_MEMBERS = 3;

/**
 * Share of one article's words that must lie in copied passages (see
 * SOURCE_MIN_PASSAGE_SIMILARITY) shared with another for the two to count as
 * copies of one source. Wire copies on the seeds share 70-100%; an outlet's
 * boilerplate shared by two unrelated articles (a newsletter line, a
 * donation appeal) stays well under 30% of either.
 */
export const SOURCE_MIN_COPIED_SHARE = 0.3;

/**
 * Passage similarity from which a passage counts as copied for grouping and
 * voting. Lower than the `edited` floor (0.9): two copies that each changed
 * a tenth of the words differ in about a fifth of them (generated copies,
 * bench:align), yet copy one source. The student paper's rewritten wire
 * sentences (seed 003) score 0.34-0.66 and stay out.
 */
export const SOURCE_MIN_PASSAGE_SIMILARITY = 0.75;

/** Credit given to a source when no member credits an agency. */
export const UNKNOWN_SOURCE = 'unknown common source';

/** One member's word alignment projected onto the pivot's tokens. */
interface Projection {
  id: string;
  text: PreparedText;
  /** Member token equal to each pivot token, or -1. */
  eq: Int32Array;
  /** Passage (index) covering each pivot token, or -1. */
  cov: Int32Array;
  /** Member token range of the edit covering each pivot token (-1 when none). */
  edit0: Int32Array;
  edit1: Int32Array;
}

interface Reading {
  id: string;
  text: string;
}

/**
 * Groups of articles that all copy from each other (cliques of copy links),
 * grown greedily from the strongest link: a copy joins a group only when it
 * shares text with every member, so two articles that each share a
 * different passage with a third are not one source's copies. Each article
 * joins one group at most.
 */
function copyGroups(links: Alignment[], shared: Map<Alignment, Shared>): string[][] {
  const strength = (al: Alignment): number => copiedWords(shared.get(al) as Shared);
  const adjacent = new Map<string, Map<string, number>>();
  for (const al of links) {
    for (const [x, y] of [
      [al.a, al.b],
      [al.b, al.a],
    ] as const) {
      const m = adjacent.get(x) ?? new Map<string, number>();
      m.set(y, strength(al));
      adjacent.set(x, m);
    }
  }
  const order = [...links].sort(
    (x, y) => strength(y) - strength(x) || codeUnitOrder(x.a, y.a) || codeUnitOrder(x.b, y.b),
  );
  const assigned = new Set<string>();
  const groups: string[][] = [];
  for (const link of order) {
    if (assigned.has(link.a) || assigned.has(link.b)) continue;
    const group = [link.a, link.b];
    const candidates = [...(adjacent.get(link.a)?.keys() ?? [])]
      .filter((c) => !assigned.has(c) && !group.includes(c))
      .map((c) => {
        let sum = 0;
        for (const g of group) sum += adjacent.get(c)?.get(g) ?? 0;
        return { c, sum };
      })
      .sort((x, y) => y.sum - x.sum || codeUnitOrder(x.c, y.c));
    for (const { c } of candidates) {
      if (group.every((g) => adjacent.get(c)?.has(g))) group.push(c);
    }
    if (group.length < SOURCE_MIN_MEMBERS) continue;
    for (const g of group) assigned.add(g);
    groups.push(group.sort(codeUnitOrder));
  }
  return groups.sort((x, y) => codeUnitOrder(x[0] as string, y[0] as string));
}

/** Words of each side inside passages similar enough to count as copied. */
interface Shared {
  a: number;
  b: number;
  shareA: number;
  shareB: number;
}

function sharedWords(al: Alignment, pa: PreparedText, pb: PreparedText): Shared {
  const ma = new Uint8Array(pa.tokens.length);
  const mb = new Uint8Array(pb.tokens.length);
  for (const p of al.passages) {
    if (p.similarity < SOURCE_MIN_PASSAGE_SIMILARITY) continue;
    const [a0, a1] = tokensIn(pa, p.a.start, p.a.end);
    const [b0, b1] = tokensIn(pb, p.b.start, p.b.end);
    ma.fill(1, a0, a1);
    mb.fill(1, b0, b1);
  }
  let a = 0;
  let b = 0;
  for (const x of ma) a += x;
  for (const x of mb) b += x;
  return { a, b, shareA: a / Math.max(1, ma.length), shareB: b / Math.max(1, mb.length) };
}

function copiedWords(shared: Shared): number {
  return Math.min(shared.a, shared.b);
}

/** Token range `[t0, t1)` inside a character span. */
function tokensIn(p: PreparedText, start: number, end: number): [number, number] {
  return [tokenAt(p, start), tokenAt(p, end)];
}

/**
 * Project a member's copied passages onto the pivot's tokens, re-deriving
 * the word alignment from the passages' edits: between two edits the words
 * pair up one to one. Passages are taken best first; a member word supports
 * at most one pivot place (a sentence the member repeats counts once).
 */
function project(
  pivot: PreparedText,
  pivotIsA: boolean,
  member: PreparedText,
  memberId: string,
  passages: Passage[],
): Projection {
  const n = pivot.tokens.length;
  const pr: Projection = {
    id: memberId,
    text: member,
    eq: new Int32Array(n).fill(-1),
    cov: new Int32Array(n).fill(-1),
    edit0: new Int32Array(n).fill(-1),
    edit1: new Int32Array(n).fill(-1),
  };
  const usedMember = new Uint8Array(member.tokens.length);
  const order = passages
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.similarity >= SOURCE_MIN_PASSAGE_SIMILARITY)
    .sort(
      (x, y) =>
        y.p.similarity - x.p.similarity ||
        y.p.a.end - y.p.a.start - (x.p.a.end - x.p.a.start) ||
        x.i - y.i,
    );
  for (const { p, i: pid } of order) {
    const ps = pivotIsA ? p.a : p.b;
    const ms = pivotIsA ? p.b : p.a;
    const [p0, p1] = tokensIn(pivot, ps.start, ps.end);
    const [m0, m1] = tokensIn(member, ms.start, ms.end);
    let used = 0;
    for (let t = m0; t < m1; t++) used += usedMember[t] as number;
    if (used * 2 > m1 - m0) continue;
    const edits = p.edits
      .map((e) => {
        const es = pivotIsA ? e.aSpan : e.bSpan;
        const em = pivotIsA ? e.bSpan : e.aSpan;
        const [a0, a1] = tokensIn(pivot, es.start, es.end);
        const [b0, b1] = tokensIn(member, em.start, em.end);
        return { a0, a1, b0, b1 };
      })
      .filter((e) => e.a1 > e.a0 || e.b1 > e.b0)
      .sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
    let i = p0;
    let j = m0;
    const assign = (t: number): boolean => {
      if ((pr.cov[t] as number) >= 0) return false;
      pr.cov[t] = pid;
      return true;
    };
    // Between edits the words pair one to one (equal counts by construction;
    // should they differ, only the common length is paired).
    const pairUp = (toA: number, toB: number): void => {
      for (; i < toA && j < toB; i++, j++) {
        if (assign(i)) {
          pr.eq[i] = j;
          usedMember[j] = 1;
        }
      }
      i = toA;
      j = toB;
    };
    for (const e of edits) {
      if (e.a0 < i || e.b0 < j) continue;
      pairUp(e.a0, e.b0);
      for (let t = e.a0; t < e.a1; t++) {
        if (assign(t)) {
          pr.edit0[t] = e.b0;
          pr.edit1[t] = e.b1;
        }
      }
      for (let t = e.b0; t < e.b1; t++) usedMember[t] = 1;
      i = e.a1;
      j = e.b1;
    }
    pairUp(p1, m1);
  }
  return pr;
}

function normalizeSpace(s: string): string {
  return s.replace(/\s*\n\s*/g, '\n').replace(/[ \t\u00a0]+/g, ' ');
}

function wordDistance(x: string, y: string): number {
  const a = x.split(/\s+/).filter((w) => w !== '');
  const b = y.split(/\s+/).filter((w) => w !== '');
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * The reading most copies give. A strict majority wins; otherwise the
 * medoid (the reading closest to all others in words) wins, then the one
 * with fewer verdict labels that agency copy avoids ("terrorist"), then the
 * pivot's, then the lowest article id.
 */
export function vote(readings: Reading[], pivotId: string): string {
  const byKey = new Map<string, Reading[]>();
  for (const r of readings) {
    const k = normalizeSpace(r.text).trim();
    const list = byKey.get(k) ?? [];
    list.push(r);
    byKey.set(k, list);
  }
  const keys = [...byKey.keys()];
  const first = (k: string): Reading => {
    const list = byKey.get(k) as Reading[];
    return list.find((r) => r.id === pivotId) ?? (list[0] as Reading);
  };
  for (const k of keys) {
    if ((byKey.get(k) as Reading[]).length * 2 > readings.length) return first(k).text;
  }
  const scored = keys.map((k) => {
    let d = 0;
    for (const r of readings) d += wordDistance(k, normalizeSpace(r.text).trim());
    const members = byKey.get(k) as Reading[];
    return {
      k,
      d,
      avoided: countWireAvoided(k),
      pivot: members.some((r) => r.id === pivotId) ? 0 : 1,
      id: members.map((r) => r.id).sort()[0] as string,
    };
  });
  scored.sort(
    (x, y) => x.d - y.d || x.avoided - y.avoided || x.pivot - y.pivot || codeUnitOrder(x.id, y.id),
  );
  return first((scored[0] as { k: string }).k).text;
}

const ATTACHED = /[^\s\p{L}\p{N}]/u;

function leadingPunct(text: string, at: number): number {
  let s = at;
  while (s > 0 && ATTACHED.test(text[s - 1] as string)) s--;
  return s;
}

function trailingPunct(text: string, at: number): number {
  let e = at;
  while (e < text.length && ATTACHED.test(text[e] as string)) e++;
  return e;
}

/** Member tokens inside pivot tokens `[s, e)` (equal words and edits), as [min, max] or null. */
function memberTokens(pr: Projection, s: number, e: number): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = -1;
  for (let t = s; t < e; t++) {
    const q = pr.eq[t] as number;
    if (q >= 0) {
      lo = Math.min(lo, q);
      hi = Math.max(hi, q);
    } else if ((pr.edit1[t] as number) > (pr.edit0[t] as number)) {
      lo = Math.min(lo, pr.edit0[t] as number);
      hi = Math.max(hi, (pr.edit1[t] as number) - 1);
    }
  }
  return hi >= 0 ? [lo, hi] : null;
}

/** Build the consensus text of the pivot's supported regions, segment by segment. */
function consensus(pivotId: string, pivot: PreparedText, members: Projection[]): string {
  const n = pivot.tokens.length;
  const tok = (p: PreparedText, i: number): Token => p.tokens[i] as Token;
  let out = '';
  let lastEnd = -1;
  let t = 0;
  while (t < n) {
    const support = (i: number): number => {
      let s = 1;
      for (const m of members) if ((m.cov[i] as number) >= 0) s++;
      return s;
    };
    if (support(t) < 2) {
      t++;
      continue;
    }
    let end = t;
    while (end < n && support(end) >= 2) end++;
    // Region [t, end): anchors are pivot words every covering member keeps.
    const isAnchor = (i: number): boolean =>
      members.every((m) => (m.cov[i] as number) < 0 || (m.eq[i] as number) >= 0);
    const anchors: number[] = [];
    for (let i = t; i < end; i++) if (isAnchor(i)) anchors.push(i);

    if (lastEnd >= 0) {
      out += /\n/.test(pivot.text.slice(lastEnd, tok(pivot, t).start)) ? '\n\n' : ' ';
    }
    const regionStart = leadingPunct(pivot.text, tok(pivot, t).start);
    const regionEnd = trailingPunct(pivot.text, tok(pivot, end - 1).end);
    // Segments between anchors; -1 stands for the region's edge.
    const bounds = [-1, ...anchors, -1];
    let text = '';
    for (let k = 0; k + 1 < bounds.length; k++) {
      const left = bounds[k] as number;
      const right = bounds[k + 1] as number;
      if (left >= 0) text += anchorText(pivotId, pivot, members, left);
      const s = left >= 0 ? left + 1 : t;
      const e = right >= 0 ? right : end;
      const pStart = left >= 0 ? tok(pivot, left).end : regionStart;
      const pEnd = right >= 0 ? tok(pivot, right).start : regionEnd;
      if ((left < 0 || right < 0) && s === e) {
        // The region starts or ends on an anchor: only its glued punctuation.
        text += pivot.text.slice(pStart, pEnd);
        continue;
      }
      const readings: Reading[] = [{ id: pivotId, text: pivot.text.slice(pStart, pEnd) }];
      for (const m of members) {
        const lp = left >= 0 ? (m.eq[left] as number) : -1;
        const rp = right >= 0 ? (m.eq[right] as number) : -1;
        const cl = m.cov[left >= 0 ? left : s] as number;
        const cr = m.cov[right >= 0 ? right : e - 1] as number;
        if (cl < 0 || cl !== cr) continue;
        if (left >= 0 && lp < 0) continue;
        if (right >= 0 && (rp < 0 || rp <= lp)) continue;
        const inner = memberTokens(m, s, e);
        const mt = m.text;
        let ms: number;
        let me: number;
        if (left >= 0) ms = tok(mt, lp).end;
        else if (inner !== null) ms = leadingPunct(mt.text, tok(mt, inner[0]).start);
        else continue;
        if (right >= 0) me = tok(mt, rp).start;
        else if (inner !== null) me = trailingPunct(mt.text, tok(mt, inner[1]).end);
        else me = ms;
        if (me < ms) continue;
        readings.push({ id: m.id, text: mt.text.slice(ms, me) });
      }
      text += vote(readings, pivotId);
    }
    out += normalizeSpace(text).replace(/\n/g, '\n\n');
    lastEnd = tok(pivot, end - 1).end;
    t = end;
  }
  return out.trim();
}

/** The majority spelling of an anchor word (case, apostrophes). */
function anchorText(
  pivotId: string,
  pivot: PreparedText,
  members: Projection[],
  i: number,
): string {
  const readings: Reading[] = [{ id: pivotId, text: (pivot.tokens[i] as Token).text }];
  for (const m of members) {
    const q = m.eq[i] as number;
    if (q >= 0) readings.push({ id: m.id, text: (m.text.tokens[q] as Token).text });
  }
  return readings.length === 1 ? (readings[0] as Reading).text : vote(readings, pivotId);
}

function creditOf(members: Article[]): { credit: string; creditedBy: string[] } {
  const by = new Map<string, Set<string>>();
  for (const a of members) {
    for (const c of a.credits ?? []) {
      const set = by.get(c.name) ?? new Set();
      set.add(a.id);
      by.set(c.name, set);
    }
  }
  const ranked = [...by].sort((x, y) => y[1].size - x[1].size || codeUnitOrder(x[0], y[0]));
  const top = ranked[0];
  if (top === undefined) return { credit: UNKNOWN_SOURCE, creditedBy: [] };
  return { credit: top[0], creditedBy: [...top[1]].sort() };
}

/**
 * Rebuild the common sources of a story: when three or more articles copy
 * the same passages (wire copies), align them all to the most connected
 * copy, take each stretch of words the way most copies have it (majority
 * vote; see `vote` for ties), credit the result to the agency the copies
 * credit, and express each copy as its edits against it.
 *
 * @example
 * const [wire] = reconstructSources(articles, alignments);
 * wire.credit; // 'Reuters'
 * wire.members[0].alignment.passages[0].edits; // the first copy's edits against the wire text
 */
export function reconstructSources(articles: Article[], alignments: Alignment[]): CommonSource[] {
  return reconstructPrepared(articles, alignments, new Map());
}

/** `reconstructSources` reusing prepared texts by article id (alignStory passes its own). */
export function reconstructPrepared(
  articles: Article[],
  alignments: Alignment[],
  prepared: Map<string, PreparedText>,
): CommonSource[] {
  if (!Array.isArray(articles))
    throw new TypeError(`Expected articles as an array, got ${typeof articles}`);
  if (!Array.isArray(alignments)) {
    throw new TypeError(`Expected alignments as an array, got ${typeof alignments}`);
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const prep = (id: string): PreparedText => {
    let p = prepared.get(id);
    if (p === undefined) {
      p = prepareText((byId.get(id) as Article).text);
      prepared.set(id, p);
    }
    return p;
  };
  const shared = new Map<Alignment, Shared>();
  for (const al of alignments) {
    if (!byId.has(al.a) || !byId.has(al.b) || al.a === al.b) continue;
    if (!al.passages.some((p) => p.similarity >= SOURCE_MIN_PASSAGE_SIMILARITY)) continue;
    const s = sharedWords(al, prep(al.a), prep(al.b));
    if (Math.max(s.shareA, s.shareB) >= SOURCE_MIN_COPIED_SHARE) shared.set(al, s);
  }
  const copyLinks = [...shared.keys()];
  const pairKey = (x: string, y: string): string => (x < y ? `${x}\n${y}` : `${y}\n${x}`);
  const linkOf = new Map(copyLinks.map((al) => [pairKey(al.a, al.b), al]));
  const groups = copyGroups(copyLinks, shared);

  const sources: CommonSource[] = [];
  for (const group of groups) {
    // Pivot: the copy sharing the most copied words with the others.
    let pivotId = group[0] as string;
    let best = -1;
    for (const id of group) {
      let sum = 0;
      for (const other of group) {
        const al = linkOf.get(pairKey(id, other));
        if (al !== undefined) sum += copiedWords(shared.get(al) as Shared);
      }
      if (sum > best) {
        best = sum;
        pivotId = id;
      }
    }
    const pivot = prep(pivotId);
    const projections: Projection[] = [];
    for (const id of group) {
      if (id === pivotId) continue;
      const al = linkOf.get(pairKey(pivotId, id));
      if (al === undefined) continue;
      projections.push(project(pivot, al.a === pivotId, prep(id), id, al.passages));
    }
    const text = consensus(pivotId, pivot, projections);
    if (text === '') continue;
    const memberIds = [...group];
    const id = `source:${hashHex(`${memberIds.join(',')}\n${text}`)}`;
    const sourceText = prepareText(text);
    const { credit, creditedBy } = creditOf(memberIds.map((m) => byId.get(m) as Article));
    sources.push({
      id,
      text,
      credit,
      creditedBy,
      memberIds,
      members: memberIds.map((m) => ({
        articleId: m,
        alignment: alignPrepared(id, sourceText, m, prep(m), { paraphrase: false }),
      })),
    });
  }
  return sources;
}
