import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../model/index.ts';
import type { AssignResult, PutArticleResult, Store } from '../store/index.ts';
import { acknowledgingStore, type IngestEvent } from './ingest.ts';

/** A store whose putArticle and assignStory resolve (or reject) when the test says. */
function pendingStore() {
  const puts: Array<{ resolve: (r: PutArticleResult) => void; reject: (e: Error) => void }> = [];
  const assigns: Array<(r: AssignResult) => void> = [];
  const store = {
    putArticle: () =>
      new Promise<PutArticleResult>((resolve, reject) => puts.push({ resolve, reject })),
    assignStory: () => new Promise<AssignResult>((resolve) => assigns.push(resolve)),
  } as unknown as Store;
  return { store, puts, assigns };
}

const article = { id: 'a1', source: 'news/a.txt' } as Article;

test('acknowledgingStore(store) tells of a stored article only once its put has resolved', async () => {
  const { store, puts } = pendingStore();
  const events: IngestEvent[] = [];
  const acking = acknowledgingStore(store, (e) => events.push(e));
  const put = acking.putArticle(article);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(events, [], 'nothing before the commit returns');
  puts[0]?.resolve({ articleId: 'a1', created: true, previousId: null });
  await put;
  assert.deepEqual(events, [
    { event: 'stored', articleId: 'a1', source: 'news/a.txt', created: true },
  ]);
});

test('acknowledgingStore(store) tells nothing of an article whose put failed', async () => {
  const { store, puts } = pendingStore();
  const events: IngestEvent[] = [];
  const put = acknowledgingStore(store, (e) => events.push(e)).putArticle(article);
  puts[0]?.reject(new Error('disk full'));
  await assert.rejects(put, /disk full/);
  assert.deepEqual(events, []);
});

test('acknowledgingStore(store) tells of a grouped article once its assignment has resolved', async () => {
  const { store, assigns } = pendingStore();
  const events: IngestEvent[] = [];
  const assign = acknowledgingStore(store, (e) => events.push(e)).assignStory('a1');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(events, []);
  assigns[0]?.({ storyId: 's1', memberHash: 's1', assigned: true } as AssignResult);
  await assign;
  assert.deepEqual(events, [{ event: 'grouped', articleId: 'a1', storyId: 's1' }]);
});
