import type { Article } from '../model/index.ts';
import { bandKeys } from './band-keys.ts';
import {
  type Fingerprint,
  type FingerprintOptions,
  type FingerprintView,
  fingerprintParts,
} from './fingerprint.ts';
import { createPackedLists, type PackedLists } from './packed-lists.ts';
import { LSH_ROWS } from './thresholds.ts';

/** Options of `fingerprintColumns`. */
export interface FingerprintColumnOptions {
  fingerprint?: FingerprintOptions;
  /** Fingerprints already computed (by article id); others are computed. */
  fingerprints?: ReadonlyMap<string, Fingerprint>;
  /** Rows per LSH band (the band keys kept); default LSH_ROWS. */
  lshRows?: number;
}

/**
 * A batch's fingerprints in columns: what group keeps of each article,
 * its per-article lists packed into a few large typed arrays
 * (packed-lists.ts). Phases drop the lists they no longer need.
 */
export interface FingerprintColumns {
  articleIds: string[];
  words: Int32Array;
  days: (number | null)[];
  /** LSH band keys of the MinHash signature (all the index needs of it). */
  bands: PackedLists<Uint32Array>;
  reuse: PackedLists<Uint32Array>;
  /** Term ids and their weights (single precision: plenty for weights rounded to 1e-4). */
  terms: PackedLists<Uint32Array>;
  termWeights: PackedLists<Float32Array>;
}

/**
 * Fingerprint a batch (or take the given fingerprints) into columns, in
 * the order of `unique`. The term lists come from reused buffers
 * (`fingerprintParts`), copied straight into the packed lists.
 */
export function fingerprintColumns(
  unique: readonly Article[],
  options: FingerprintColumnOptions = {},
): FingerprintColumns {
  const rows = options.lshRows ?? LSH_ROWS;
  const n = unique.length;
  const columns: FingerprintColumns = {
    articleIds: new Array<string>(n),
    words: new Int32Array(n),
    days: new Array<number | null>(n),
    bands: createPackedLists((k) => new Uint32Array(k)),
    reuse: createPackedLists((k) => new Uint32Array(k)),
    terms: createPackedLists((k) => new Uint32Array(k)),
    termWeights: createPackedLists((k) => new Float32Array(k)),
  };
  for (let i = 0; i < n; i++) {
    const article = unique[i] as Article;
    const fp: FingerprintView =
      options.fingerprints?.get(article.id) ?? fingerprintParts(article, options.fingerprint);
    columns.articleIds[i] = fp.articleId;
    columns.words[i] = fp.words;
    columns.days[i] = fp.day;
    columns.bands.push(bandKeys(fp.minhash, rows));
    columns.reuse.push(fp.reuse);
    columns.terms.push(fp.terms);
    columns.termWeights.push(fp.termWeights);
  }
  return columns;
}
