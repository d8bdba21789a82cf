import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testArticle } from '../model/article.case.ts';
import type { Article } from '../model/article.ts';
import { annotate } from './index.ts';

const article = (paragraphs: string[]): Article =>
  testArticle('test', paragraphs, { publishedAt: '2021-08-26' });
const quotes = (...paragraphs: string[]) => annotate(article(paragraphs)).quotes;

test('annotate(article) finds a curly quote and takes the speaker from `"…," X, the head of …, told Y`', () => {
  const [q] = quotes(
    '“We are already working on a number of orders,” Alexander Mikheev, the head of Rosoboronexport, told the RIA Novosti news agency.',
  );
  assert.equal(q?.text, 'We are already working on a number of orders');
  assert.equal(q?.speaker, 'Alexander Mikheev');
  assert.equal(q?.partial, false);
});

test('annotate(article) gives quote offsets that slice the quoted words out of the text', () => {
  const a = annotate(
    article(['Moscow said on Monday: "The drills will go ahead." Nobody objected.']),
  );
  const q = a.quotes[0];
  assert.ok(q);
  assert.equal(a.quotes.length, 1);
  const text = 'Moscow said on Monday: "The drills will go ahead." Nobody objected.';
  assert.equal(text.slice(q.start, q.end), q.text);
  assert.equal(q.text, 'The drills will go ahead.');
});

test('annotate(article) takes the speaker from `X said: "…"` with straight quotes', () => {
  const [q] = quotes('Dmitry Peskov said: "We think that the process is complete."');
  assert.equal(q?.speaker, 'Dmitry Peskov');
});

test('annotate(article) takes the speaker after the verb in `"…," said X`', () => {
  const [q] = quotes('"No one was hurt," said fire chief James Steele.');
  assert.equal(q?.speaker, 'James Steele');
});

test('annotate(article) takes the teller, not the listener, from `X told Y: "…"`', () => {
  const [q] = quotes('Sergei Lavrov told Antony Blinken: "The border stays closed."');
  assert.equal(q?.speaker, 'Sergei Lavrov');
});

test('annotate(article) resolves `"…" Putin posed` to the full name given elsewhere in the article', () => {
  const found = quotes(
    'Russian President Vladimir Putin spoke on Sunday.',
    '"Who are these refugees? How can we tell?" Putin posed.',
  );
  assert.equal(found[0]?.speaker, 'Vladimir Putin');
  assert.equal(found[0]?.text, 'Who are these refugees? How can we tell?');
});

test('annotate(article) resolves "he said" and "he explained" to the last named person outside quotes', () => {
  const found = quotes(
    'Russian President Vladimir Putin offered his view on Sunday.',
    '"Our Western partners keep asking us, not Joe Biden," he said before a meeting.',
    'Primarily for this reason "we are not accepting refugees," he explained.',
  );
  assert.equal(found.length, 2);
  assert.equal(found[0]?.speaker, 'Vladimir Putin');
  assert.equal(found[1]?.speaker, 'Vladimir Putin');
});

test('annotate(article) takes the speaker from "according to X" after a quote', () => {
  const [q] = quotes(
    'Members of the Collective Security Treaty Organization (CSTO) will hold drills.',
    'The maneuvers will focus on "the destruction of illegal armed groups," according to the press service of the alliance quoted by the Interfax news agency.',
  );
  assert.equal(q?.speaker, 'Collective Security Treaty Organization');
  assert.equal(q?.partial, true);
});

test('annotate(article) marks a single-quoted word inside a sentence as a partial quote with the speaker of "according to X"', () => {
  const [q] = quotes(
    'According to Vladimir Putin, this is a ‘humiliating’ request and poses a threat for Russia.',
  );
  assert.equal(q?.text, 'humiliating');
  assert.equal(q?.partial, true);
  assert.equal(q?.speaker, 'Vladimir Putin');
});

test('annotate(article) keeps single quotes nested inside a double quote as part of it', () => {
  const found = quotes(
    '"They called it a \'humiliating\' request, and we agree," Dmitry Peskov said.',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, "They called it a 'humiliating' request, and we agree");
  assert.equal(found[0]?.speaker, 'Dmitry Peskov');
});

test('annotate(article) continues a quote into the next paragraph when that paragraph reopens it', () => {
  const found = quotes(
    'Dmitry Peskov told a briefing:',
    '“We think that the process is complete.',
    '“It is an accomplished fact,” he added.',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'We think that the process is complete. It is an accomplished fact');
  assert.equal(found[0]?.speaker, 'Dmitry Peskov');
  assert.equal(found[0]?.partial, false);
});

test('annotate(article) closes a quote left open at a paragraph end when the next paragraph does not continue it', () => {
  const found = quotes('Sergei Lavrov said: "We will not stand by', 'The talks end on Friday.');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'We will not stand by');
});

test('annotate(article) gives an unattributed quote paragraph the previous speaker', () => {
  const found = quotes(
    '"The border is long," Vladimir Putin said.',
    'And that is when he stated the worst possibility:',
    '"We don\'t want militants showing up here under cover of refugees."',
  );
  assert.equal(found.length, 2);
  assert.equal(found[1]?.speaker, 'Vladimir Putin');
});

test('annotate(article) does not take apostrophes for quote marks', () => {
  const found = quotes("The Taliban's rise worries Afghans' neighbours, and they don't hide it.");
  assert.deepEqual(found, []);
});

test('annotate(article) leaves the speaker null for a scare-quoted word with no attribution', () => {
  const [q] = quotes('The paper was labelled an "undesirable" organization.');
  assert.equal(q?.speaker, null);
  assert.equal(q?.partial, true);
});
