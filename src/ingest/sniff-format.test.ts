import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sniffFormat } from './sniff-format.ts';

const bytes = (text: string) => Buffer.from(text);

test('sniffFormat(bytes) trusts content over a wrong extension', () => {
  assert.equal(sniffFormat(gzipSync('x'), { name: 'page.html' }), 'gzip');
  assert.equal(
    sniffFormat(bytes('WARC/1.1\r\nWARC-Type: warcinfo\r\n'), { name: 'a.txt' }),
    'warc',
  );
  assert.equal(
    sniffFormat(bytes('<?xml version="1.0"?>\n<!-- hi -->\n<rss version="2.0">'), {
      name: 'a.html',
    }),
    'feed',
  );
  assert.equal(
    sniffFormat(bytes('<feed xmlns="http://www.w3.org/2005/Atom">'), { name: 'a.txt' }),
    'feed',
  );
  assert.equal(sniffFormat(bytes('<!DOCTYPE html><html><body>'), { name: 'a.xml' }), 'html');
  assert.equal(
    sniffFormat(bytes('{"version": "https://jsonfeed.org/version/1.1", "items": []}'), {
      name: 'x.txt',
    }),
    'json',
  );
});

test('sniffFormat(bytes) tells JSON Lines from one pretty-printed JSON object', () => {
  assert.equal(sniffFormat(bytes('{"text": "a"}\n{"text": "b"}\n')), 'jsonl');
  assert.equal(sniffFormat(bytes('{\n  "text": "a"\n}\n')), 'json');
  assert.equal(sniffFormat(bytes('{"text": "only one"}')), 'json');
});

test('sniffFormat(bytes) falls back to the extension or media type, then to weak content signs', () => {
  assert.equal(sniffFormat(bytes('# Heading\n\nBody'), { name: 'notes.md' }), 'markdown');
  assert.equal(sniffFormat(bytes('Body text'), { name: 'notes.markdown' }), 'markdown');
  assert.equal(sniffFormat(bytes('Body text'), { mime: 'text/markdown' }), 'markdown');
  assert.equal(sniffFormat(bytes('Body text'), { name: 'notes.txt' }), 'text');
  assert.equal(sniffFormat(bytes('<p>Body</p>'), { name: 'notes.txt' }), 'html');
  assert.equal(sniffFormat(bytes('<div class="story"><p>x</p></div>')), 'html');
  assert.equal(sniffFormat(bytes('# Heading\n\ntext')), 'markdown');
  assert.equal(sniffFormat(bytes('MOSCOW (Reuters) - Russia said')), 'text');
  assert.equal(sniffFormat(bytes('[{"text": "a"}]'), { name: 'a.json' }), 'json');
  assert.equal(sniffFormat(bytes('[link](https://x) in text')), 'text');
});

test('sniffFormat(bytes) calls whitespace empty and NUL-laden bytes binary, but not UTF-16 text', () => {
  assert.equal(sniffFormat(new Uint8Array(0)), 'empty');
  assert.equal(sniffFormat(bytes(' \n\t\r\n')), 'empty');
  assert.equal(
    sniffFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    'binary',
  );
  assert.equal(
    sniffFormat(Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 65))),
    'binary',
  );
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('<html><body>x</body></html>', 'utf16le'),
  ]);
  assert.equal(sniffFormat(utf16), 'html');
});
