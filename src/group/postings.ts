/**
 * Compact inverted index from uint32 keys to lists of document numbers:
 * an open-addressing table of keys with linked lists in typed arrays. A
 * key's list keeps its first `storeCap` documents (its count goes on), and
 * a lookup visits only the newest `visitCap` of them, so a key in many
 * documents costs bounded memory and bounded lookups, and a stream sees
 * the latest articles. Hand-written: JavaScript Maps of
 * arrays for millions of keys cost about 10x the memory (measured on the
 * bench:group corpus at 30k articles).
 */
export interface Postings {
  /** Add a document under a key. */
  add(key: number, doc: number): void;
  /** How many documents were added under a key (including those past the cap). */
  count(key: number): number;
  /** Call `visit` for the newest stored documents of a key (at most `visitCap`, newest first). */
  forEach(key: number, visit: (doc: number) => void): void;
  /**
   * Lay each list out in one run of memory, newest first, and drop the
   * documents no lookup can reach any more (past the newest `visitCap`).
   * Lookups give the same documents; they just read less memory. Also done
   * on its own as the lists grow; call it after adding a batch.
   */
  compact(): void;
}

// Table slots: key, count, head node (-1: none); a slot is used when its count > 0.
const SLOT = 3;
// Nodes: document, next node (-1: end).
const NODE = 2;
// Lists are compacted on their own when the nodes added since the last
// compaction outnumber those kept then (amortised O(1) per add).
const MIN_COMPACT_NODES = 1 << 16;

/**
 * Create an empty postings index: lists keep `storeCap` documents, lookups
 * visit `visitCap`. With `autoCompact` false, lists are compacted only when
 * `compact()` is called (a batch that adds everything, then looks up).
 */
export function createPostings(
  storeCap: number,
  visitCap = storeCap,
  autoCompact = true,
): Postings {
  let slots = 1024;
  let table = emptyTable(slots);
  let size = 0;
  // A key's nodes, newest first: linked through `next`. After a compaction
  // each list sits in consecutive nodes, so a lookup reads memory in order
  // instead of jumping to one cache line per document (the bulk of lookup
  // time at 100k articles).
  let nodes = new Int32Array(1024 * NODE);
  let nodeCount = 0;
  let compactAt = MIN_COMPACT_NODES;

  const find = (key: number): number => {
    const mask = slots - 1;
    const k = key | 0;
    let i = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) & mask;
    while ((table[i * SLOT + 1] as number) > 0 && table[i * SLOT] !== k) i = (i + 1) & mask;
    return i;
  };
  const grow = () => {
    const old = table;
    slots *= 2;
    table = emptyTable(slots);
    for (let j = 0; j < old.length; j += SLOT) {
      if ((old[j + 1] as number) <= 0) continue;
      const at = find((old[j] as number) >>> 0) * SLOT;
      table[at] = old[j] as number;
      table[at + 1] = old[j + 1] as number;
      table[at + 2] = old[j + 2] as number;
    }
  };
  const compact = () => {
    // Count the reachable nodes, then copy each list into one run.
    let keep = 0;
    for (let s = 0; s < table.length; s += SLOT) {
      let left = visitCap;
      for (
        let p = table[s + 2] as number;
        p !== -1 && left > 0;
        p = nodes[p * NODE + 1] as number
      ) {
        keep++;
        left--;
      }
    }
    const out = new Int32Array(Math.max(1024, keep) * NODE);
    let w = 0;
    for (let s = 0; s < table.length; s += SLOT) {
      let p = table[s + 2] as number;
      if (p === -1) continue;
      table[s + 2] = w;
      let left = visitCap;
      for (; p !== -1 && left > 0; p = nodes[p * NODE + 1] as number, left--) {
        out[w * NODE] = nodes[p * NODE] as number;
        out[w * NODE + 1] = w + 1;
        w++;
      }
      out[(w - 1) * NODE + 1] = -1;
    }
    nodes = out;
    nodeCount = w;
    compactAt = Math.max(MIN_COMPACT_NODES, 2 * w);
  };

  return {
    add(key, doc) {
      const k = key >>> 0;
      let i = find(k);
      let at = i * SLOT;
      if ((table[at + 1] as number) <= 0) {
        if ((size + 1) * 2 > slots) {
          grow();
          i = find(k);
          at = i * SLOT;
        }
        table[at] = k | 0;
        size++;
      }
      const c = (table[at + 1] as number) + 1;
      table[at + 1] = c;
      if (c > storeCap) return;
      if (autoCompact && nodeCount >= compactAt) compact();
      if (nodeCount * NODE === nodes.length) {
        const grown = new Int32Array(nodes.length * 2);
        grown.set(nodes);
        nodes = grown;
      }
      nodes[nodeCount * NODE] = doc;
      nodes[nodeCount * NODE + 1] = table[at + 2] as number;
      table[at + 2] = nodeCount;
      nodeCount++;
    },
    count(key) {
      const at = find(key >>> 0) * SLOT;
      return Math.max(table[at + 1] as number, 0);
    },
    forEach(key, visit) {
      const at = find(key >>> 0) * SLOT;
      let left = visitCap;
      for (let p = table[at + 2] as number; p !== -1 && left > 0; left--) {
        visit(nodes[p * NODE] as number);
        p = nodes[p * NODE + 1] as number;
      }
    },
    compact,
  };
}

function emptyTable(slots: number): Int32Array {
  const t = new Int32Array(slots * SLOT);
  for (let i = 2; i < t.length; i += SLOT) t[i] = -1;
  return t;
}
