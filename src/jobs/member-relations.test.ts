import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { deriveCopy } from '../../bench/lib/derive-copies.ts';
import { type Fingerprint, fingerprint, relate, type TermStatistics } from '../group/index.ts';
import { testArticle } from '../model/article.case.ts';
import { ALL_PAIRS_MAX, memberRelations, RELATIONS_PER_MEMBER } from './member-relations.ts';

const WIRE = readFileSync(
  new URL('../../examples/harbour-crane/mpa-wire.txt', import.meta.url),
  'utf8',
);

function copies(n: number): Fingerprint[] {
  return Array.from({ length: n }, (_, i) =>
    fingerprint(
      testArticle(
        `a${String(i).padStart(3, '0')}`,
        deriveCopy(WIRE, { seed: i, editRate: 0.1 }).text,
      ),
    ),
  );
}

function statistics(fps: Fingerprint[]): TermStatistics {
  const df = new Map<number, number>();
  for (const fp of fps) for (const t of fp.terms) df.set(t, (df.get(t) ?? 0) + 1);
  return { documents: fps.length, frequency: (t) => df.get(t) ?? 0 };
}

test('memberRelations(fingerprints) relates every pair of a small story, as relate does, sorted by (a, b)', () => {
  const fps = copies(5).reverse();
  const stats = statistics(fps);
  const relations = memberRelations(fps, stats, () => false);
  assert.equal(relations.length, 10);
  const keys = relations.map((r) => `${r.a}|${r.b}`);
  assert.deepEqual(keys, [...keys].sort());
  const [x, y] = [fps.find((f) => f.articleId === 'a001'), fps.find((f) => f.articleId === 'a003')];
  assert.deepEqual(
    relations.find((r) => r.a === 'a001' && r.b === 'a003'),
    relate(x as Fingerprint, y as Fingerprint, { statistics: stats, isCommonReuse: () => false }),
  );
  assert.ok(relations.every((r) => r.kind === 'duplicate' || r.kind === 'derived'));
});

test('memberRelations(fingerprints) keeps each member of a large story its strongest few relations', () => {
  const fps = copies(ALL_PAIRS_MAX + 6);
  const relations = memberRelations(fps, statistics(fps), () => false);
  const all = (fps.length * (fps.length - 1)) / 2;
  assert.ok(relations.length < all, `${relations.length} of ${all} pairs kept`);
  const degree = new Map<string, number>();
  for (const r of relations) {
    degree.set(r.a, (degree.get(r.a) ?? 0) + 1);
    degree.set(r.b, (degree.get(r.b) ?? 0) + 1);
  }
  assert.equal(degree.size, fps.length, 'every member keeps at least one relation');
  assert.ok(relations.length >= (fps.length * RELATIONS_PER_MEMBER) / 2);
});
