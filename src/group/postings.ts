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
}

/** Create an empty postings index: lists keep `storeCap` documents, lookups visit `visitCap`. */
export function createPostings(storeCap: number, visitCap = storeCap): Postings {
  let slots = 1024;
  let keys = new Uint32Array(slots);
  let used = new Uint8Array(slots);
  let heads = new Int32Array(slots).fill(-1);
  let counts = new Int32Array(slots);
  let size = 0;
  let docs = new Int32Array(1024);
  let next = new Int32Array(1024);
  let nodes = 0;

  const find = (key: number): number => {
    const mask = slots - 1;
    let i = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) & mask;
    while (used[i] === 1 && keys[i] !== key) i = (i + 1) & mask;
    return i;
  };
  const grow = () => {
    const oldKeys = keys;
    const oldUsed = used;
    const oldHeads = heads;
    const oldCounts = counts;
    slots *= 2;
    keys = new Uint32Array(slots);
    used = new Uint8Array(slots);
    heads = new Int32Array(slots).fill(-1);
    counts = new Int32Array(slots);
    for (let j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j] !== 1) continue;
      const i = find(oldKeys[j] as number);
      keys[i] = oldKeys[j] as number;
      used[i] = 1;
      heads[i] = oldHeads[j] as number;
      counts[i] = oldCounts[j] as number;
    }
  };

  return {
    add(key, doc) {
      const k = key >>> 0;
      let i = find(k);
      if (used[i] !== 1) {
        if ((size + 1) * 2 > slots) {
          grow();
          i = find(k);
        }
        keys[i] = k;
        used[i] = 1;
        size++;
      }
      const c = (counts[i] as number) + 1;
      counts[i] = c;
      if (c > storeCap) return;
      if (nodes === docs.length) {
        const d = new Int32Array(nodes * 2);
        d.set(docs);
        docs = d;
        const nx = new Int32Array(nodes * 2);
        nx.set(next);
        next = nx;
      }
      docs[nodes] = doc;
      next[nodes] = heads[i] as number;
      heads[i] = nodes;
      nodes++;
    },
    count(key) {
      const i = find(key >>> 0);
      return used[i] === 1 ? (counts[i] as number) : 0;
    },
    forEach(key, visit) {
      const i = find(key >>> 0);
      if (used[i] !== 1) return;
      let left = visitCap;
      for (let p = heads[i] as number; p !== -1 && left > 0; p = next[p] as number, left--) {
        visit(docs[p] as number);
      }
    },
  };
}
