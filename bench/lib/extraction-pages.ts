/**
 * The Zyte article-extraction benchmark as read from ../shared/eval/extraction
 * (181 news pages, gzip-compressed HTML, with human-checked bodies and the
 * published output of peer extractors). Read-only; never copied into the repo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseBodyMap } from './extraction-score.ts';

/** One benchmark page. */
export interface ExtractionPage {
  id: string;
  html: string;
  /** The human-checked article body. */
  expected: string;
  url: string | null;
}

/** The repository root: the folder with package.json above `bench/lib`. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared/eval/extraction` resolved from the repository root. */
export const EXTRACTION_DIR = resolve(REPO_ROOT, '..', 'shared', 'eval', 'extraction');

/** True when the benchmark data is there. */
export function hasExtractionData(dir: string = EXTRACTION_DIR): boolean {
  return existsSync(join(dir, 'ground-truth.json')) && existsSync(join(dir, 'html'));
}

/** The ground truth as id -> body. */
export function readGroundTruth(dir: string = EXTRACTION_DIR): Map<string, string> {
  return parseBodyMap(JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')));
}

/** Every page, ids sorted (the order the held-out split is defined on). */
export function readExtractionPages(dir: string = EXTRACTION_DIR): ExtractionPage[] {
  const raw = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return Object.keys(raw)
    .sort()
    .map((id) => ({
      id,
      html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
      expected: raw[id]?.articleBody ?? '',
      url: raw[id]?.url ?? null,
    }));
}

/**
 * The held-out split: with ids sorted, every third page starting with the
 * first (index % 3 === 0, 61 pages). parallax's heuristics were developed
 * on the other 120 pages only.
 */
export function isHeldOut(index: number): boolean {
  return index % 3 === 0;
}

/** The published peer outputs: extractor name -> (id -> body), names sorted. */
export function readPeerOutputs(dir: string = EXTRACTION_DIR): Map<string, Map<string, string>> {
  const peerDir = join(dir, 'peer-output');
  const out = new Map<string, Map<string, string>>();
  if (!existsSync(peerDir)) return out;
  for (const file of readdirSync(peerDir).sort()) {
    if (!file.endsWith('.json')) continue;
    out.set(file.slice(0, -5), parseBodyMap(JSON.parse(readFileSync(join(peerDir, file), 'utf8'))));
  }
  return out;
}
