/**
 * Real texts from ../shared/eval for benchmarks and reuse checks: ECB+
 * articles (joined tokens) and the Zyte benchmark's ground-truth article
 * bodies. Read-only; never copied into the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testArticle } from '../../src/model/article.case.ts';
import type { Article } from '../../src/model/index.ts';
import { ecbplusDir, readEcbplus } from './ecbplus.ts';

/** One real text with where it came from. */
export interface RealText {
  id: string;
  text: string;
  /** ECB+ topic folder, or null for the extraction ground truth. */
  topic: string | null;
}

/** The eval folder relative to the repo root, or null when ../shared is missing. */
export function evalDir(repoRoot: string): string | null {
  const dir = join(repoRoot, '..', 'shared', 'eval');
  return existsSync(dir) ? dir : null;
}

/** Every real text available: ECB+ articles then extraction ground truth, in a fixed order. */
export function readRealTexts(repoRoot: string): RealText[] {
  const out: RealText[] = [];
  const ecb = ecbplusDir(repoRoot);
  if (ecb !== null) {
    for (const d of readEcbplus(ecb))
      out.push({ id: `ecb:${d.name}`, text: d.article.text, topic: d.topic });
  }
  const base = evalDir(repoRoot);
  const gt = base === null ? null : join(base, 'extraction', 'ground-truth.json');
  if (gt !== null && existsSync(gt)) {
    const data = JSON.parse(readFileSync(gt, 'utf8')) as Record<string, { articleBody?: string }>;
    for (const id of Object.keys(data).sort()) {
      const text = data[id]?.articleBody ?? '';
      if (text.trim() !== '') out.push({ id: `zyte:${id}`, text, topic: null });
    }
  }
  return out;
}

/**
 * A plain Article around a text, for benchmarks and tests. With `split`
 * false the whole text is one paragraph (shares the string: half the memory
 * for large synthetic corpora).
 */
export function textArticle(
  id: string,
  text: string,
  extra: Partial<Article> = {},
  split = true,
): Article {
  return testArticle(id, split ? text : [text], { source: id, language: null, ...extra });
}
