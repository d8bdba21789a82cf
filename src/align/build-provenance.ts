import type {
  Alignment,
  CommonSource,
  ProvenanceEdge,
  ProvenanceEvidence,
  ProvenanceGraph,
  ProvenanceNode,
} from '../model/alignment.ts';
import type { AgencyMention, Article } from '../model/article.ts';
import { codeUnitOrder } from './code-unit-order.ts';

/**
 * Share of either article that must lie in aligned passages for an edge
 * between two articles. Below it the pair shares a stray sentence or page
 * boilerplate, not text one took from the other: on the seeds the
 * other-angle article (004) shares nothing with the wire copies, the
 * paraphrasing student paper (003) 27% of its words.
 */
export const PROVENANCE_MIN_COVERAGE = 0.1;

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

interface Dated {
  /** Milliseconds, or null when unknown or unreadable. */
  at: number | null;
  dayOnly: boolean;
}

function dated(iso: string | null): Dated {
  if (iso === null) return { at: null, dayOnly: false };
  const at = Date.parse(iso);
  return { at: Number.isNaN(at) ? null : at, dayOnly: DAY_ONLY.test(iso) };
}

/** Who came first, from credits and then publication times; undirected with the reason otherwise. */
function direction(
  x: Article,
  y: Article,
): { from: Article; to: Article; directed: boolean; reason: string; credits: string[] } {
  for (const [p, q] of [
    [x, y],
    [y, x],
  ] as const) {
    const outlet = p.outlet?.toLowerCase();
    const credit = outlet
      ? (q.credits ?? []).find((c) => c.name.toLowerCase() === outlet)
      : undefined;
    if (credit !== undefined) {
      return {
        from: p,
        to: q,
        directed: true,
        reason: `${q.outlet ?? q.id} credits ${p.outlet}`,
        credits: [credit.evidence],
      };
    }
  }
  const dx = dated(x.publishedAt);
  const dy = dated(y.publishedAt);
  const [lo, hi] = x.id < y.id ? [x, y] : [y, x];
  if (dx.at === null || dy.at === null) {
    return {
      from: lo,
      to: hi,
      directed: false,
      reason: 'neither a publication time nor a credit tells which came first',
      credits: [],
    };
  }
  const day = 86_400_000;
  const sameTime =
    dx.dayOnly || dy.dayOnly
      ? Math.floor(dx.at / day) === Math.floor(dy.at / day)
      : dx.at === dy.at;
  if (sameTime) {
    return {
      from: lo,
      to: hi,
      directed: false,
      reason:
        dx.dayOnly || dy.dayOnly
          ? 'published the same day and neither credits the other'
          : 'published at the same time and neither credits the other',
      credits: [],
    };
  }
  const [first, second] = dx.at < dy.at ? [x, y] : [y, x];
  return {
    from: first,
    to: second,
    directed: true,
    reason: `published earlier (${first.publishedAt} before ${second.publishedAt})`,
    credits: [],
  };
}

function evidence(
  al: Alignment,
  fromIsA: boolean,
  fromAt: string | null,
  toAt: string | null,
  wordsTo: number,
  copiedOnly: boolean,
): ProvenanceEvidence {
  const share = copiedOnly ? al.copied : al.coverage;
  const passages = al.passages.filter((p) => !copiedOnly || p.kind !== 'paraphrase').length;
  const to = fromIsA ? share.b : share.a;
  return {
    passages,
    sharedWords: Math.round(to * wordsTo),
    coverage: { from: fromIsA ? share.a : share.b, to },
    publishedAt: { from: fromAt, to: toAt },
    credits: [],
  };
}

function wordCount(text: string): number {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').length;
}

const agencyId = (name: string): string => `agency:${name}`;

/**
 * The provenance graph of a story: articles, reconstructed common sources
 * and the agencies they credit or cite, with an edge wherever one took text
 * (or facts, for paraphrases) from another, and the evidence: passages,
 * coverage, publication times, credits. Copies of a common source hang off
 * it; other pairs are directed by credit, then time, or left undirected
 * with the reason.
 */
export function buildProvenance(
  articles: Article[],
  alignments: Alignment[],
  sources: CommonSource[] = [],
): ProvenanceGraph {
  if (!Array.isArray(articles))
    throw new TypeError(`Expected articles as an array, got ${typeof articles}`);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const words = new Map(articles.map((a) => [a.id, wordCount(a.text)]));
  const nodes = new Map<string, ProvenanceNode>();
  const edges: ProvenanceEdge[] = [];
  const addAgency = (name: string): string => {
    const id = agencyId(name);
    if (!nodes.has(id)) nodes.set(id, { id, kind: 'agency', label: name, publishedAt: null });
    return id;
  };
  for (const a of articles) {
    nodes.set(a.id, {
      id: a.id,
      kind: 'article',
      label: a.outlet ?? a.headline ?? a.source,
      publishedAt: a.publishedAt,
    });
  }
  const sourceOf = new Map<string, CommonSource>();
  for (const s of sources) {
    nodes.set(s.id, {
      id: s.id,
      kind: 'source',
      label: `${s.credit} (rebuilt from ${s.memberIds.length} copies)`,
      publishedAt: null,
    });
    if (s.creditedBy.length > 0) {
      const credits = s.creditedBy.flatMap((id) =>
        (byId.get(id)?.credits ?? []).filter((c) => c.name === s.credit).map((c) => c.evidence),
      );
      edges.push({
        from: addAgency(s.credit),
        to: s.id,
        kind: 'credit',
        directed: true,
        reason: `${s.creditedBy.length} of ${s.memberIds.length} copies credit ${s.credit}`,
        evidence: {
          passages: 0,
          sharedWords: 0,
          coverage: { from: 0, to: 0 },
          publishedAt: { from: null, to: null },
          credits,
        },
      });
    }
    for (const m of s.members) {
      sourceOf.set(m.articleId, s);
      const al = m.alignment;
      edges.push({
        from: s.id,
        to: m.articleId,
        kind: 'copy',
        directed: true,
        reason: `a copy of the common source rebuilt from its ${s.memberIds.length} copies`,
        evidence: evidence(
          al,
          true,
          null,
          byId.get(m.articleId)?.publishedAt ?? null,
          words.get(m.articleId) ?? 0,
          true,
        ),
      });
    }
  }

  const articleEdge = (x: Article, y: Article, al: Alignment): void => {
    const copied = al.passages.some((p) => p.kind !== 'paraphrase');
    const d = direction(x, y);
    const ev = evidence(
      al,
      d.from.id === al.a,
      d.from.publishedAt,
      d.to.publishedAt,
      words.get(d.to.id) ?? 0,
      copied,
    );
    ev.credits = d.credits;
    edges.push({
      from: d.from.id,
      to: d.to.id,
      kind: copied ? 'copy' : 'paraphrase',
      directed: d.directed,
      reason: d.reason,
      evidence: ev,
    });
  };

  // Article pairs not explained by a common source; pairs of a source member
  // and an outsider are gathered per source and drawn once from the source.
  const viaSource = new Map<
    string,
    { s: CommonSource; al: Alignment; outsider: string; members: Set<string> }
  >();
  for (const al of alignments) {
    const x = byId.get(al.a);
    const y = byId.get(al.b);
    if (x === undefined || y === undefined || x.id === y.id) continue;
    if (Math.max(al.coverage.a, al.coverage.b) < PROVENANCE_MIN_COVERAGE) continue;
    const sx = sourceOf.get(x.id);
    const sy = sourceOf.get(y.id);
    if (sx !== undefined && sx === sy) continue;
    const inSource = sx ?? sy;
    if (inSource !== undefined && (sx === undefined || sy === undefined)) {
      const outsider = sx === undefined ? x.id : y.id;
      const key = `${inSource.id}\n${outsider}`;
      const cur = viaSource.get(key);
      const cov = (o: Alignment): number => (o.a === outsider ? o.coverage.a : o.coverage.b);
      if (cur === undefined) {
        viaSource.set(key, {
          s: inSource,
          al,
          outsider,
          members: new Set([outsider === x.id ? y.id : x.id]),
        });
      } else {
        cur.members.add(outsider === x.id ? y.id : x.id);
        if (cov(al) > cov(cur.al)) cur.al = al;
      }
      continue;
    }
    articleEdge(x, y, al);
  }
  for (const { s, al, outsider, members } of [...viaSource.values()].sort((p, q) =>
    codeUnitOrder(`${p.s.id}\n${p.outsider}`, `${q.s.id}\n${q.outsider}`),
  )) {
    const o = byId.get(outsider) as Article;
    if (members.size < 2) {
      // One copy only: the text may come from that copy rather than the source.
      articleEdge(byId.get(al.a) as Article, byId.get(al.b) as Article, al);
      continue;
    }
    const copied = al.passages.some((p) => p.kind !== 'paraphrase');
    const memberTimes = s.memberIds
      .map((id) => dated(byId.get(id)?.publishedAt ?? null).at)
      .filter((t): t is number => t !== null);
    const own = dated(o.publishedAt).at;
    const earlier = own !== null && memberTimes.length > 0 && own < Math.min(...memberTimes);
    const ev = evidence(
      al,
      al.a !== outsider,
      null,
      o.publishedAt,
      words.get(outsider) ?? 0,
      copied,
    );
    edges.push({
      from: s.id,
      to: outsider,
      kind: copied ? 'copy' : 'paraphrase',
      directed: !earlier,
      reason: earlier
        ? `shares text with ${members.size} copies of the common source but was published before all of them`
        : `shares text with ${members.size} of the ${s.memberIds.length} copies of the common source`,
      evidence: ev,
    });
  }

  // Credits not already drawn through a source, and cited agencies.
  const agencyEdge = (
    a: Article,
    c: AgencyMention,
    kind: 'credit' | 'cite',
    reason: string,
  ): ProvenanceEdge => ({
    from: addAgency(c.name),
    to: a.id,
    kind,
    directed: true,
    reason,
    evidence: {
      passages: 0,
      sharedWords: 0,
      coverage: { from: 0, to: 0 },
      publishedAt: { from: null, to: a.publishedAt },
      credits: [c.evidence],
    },
  });
  for (const a of articles) {
    const s = sourceOf.get(a.id);
    for (const c of a.credits ?? []) {
      if (s !== undefined && s.credit === c.name) continue;
      edges.push(agencyEdge(a, c, 'credit', `credits ${c.name}`));
    }
    for (const c of a.cites ?? []) {
      edges.push(agencyEdge(a, c, 'cite', `cites ${c.name} as a source of information`));
    }
  }
  const kindOrder = { source: 0, agency: 1, article: 2 };
  return {
    nodes: [...nodes.values()].sort(
      (p, q) => kindOrder[p.kind] - kindOrder[q.kind] || codeUnitOrder(p.id, q.id),
    ),
    edges: edges.sort(
      (p, q) =>
        codeUnitOrder(p.from, q.from) || codeUnitOrder(p.to, q.to) || codeUnitOrder(p.kind, q.kind),
    ),
  };
}
