import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tokenizer } from 'htmlparser2';
import { scanMarkup } from './scan-markup.ts';

function texts(markup: string, xmlMode: boolean): string[] {
  const out: string[] = [];
  scanMarkup(Tokenizer, markup, xmlMode, () => ({
    ontext(start, end) {
      out.push(markup.slice(start, end));
    },
    ontextentity(codepoint) {
      out.push(String.fromCodePoint(codepoint));
    },
  }));
  return out;
}

test('scanMarkup(Tokenizer, markup) calls only the callbacks given, with entities decoded', () => {
  assert.equal(texts('<p class="x">a &amp; b</p><!-- c -->', false).join(''), 'a & b');
});

test('scanMarkup(Tokenizer, markup, xmlMode) reads <script> as raw text in HTML, not in XML', () => {
  assert.deepEqual(texts('<script><b>x</b></script>', false), ['<b>x</b>']);
  assert.deepEqual(texts('<script><b>x</b></script>', true), ['x']);
});

test('scanMarkup(Tokenizer, markup) stops at once when a callback calls stop()', () => {
  const names: string[] = [];
  const markup = '<a><b><c></c></b></a>';
  scanMarkup(Tokenizer, markup, false, (stop) => ({
    onopentagname(start, end) {
      names.push(markup.slice(start, end));
      if (names.length === 2) stop();
    },
  }));
  assert.deepEqual(names, ['a', 'b']);
});
