import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText } from './decode-text.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

test('decodeText(bytes) reads Windows-1252 curly quotes when the bytes are not UTF-8', () => {
  const bytes = Uint8Array.from([0x93, ...latin1('Caf\xe9 society'), 0x94]);
  const result = decodeText(bytes, {}, 'a.txt');
  assert.equal(result.text, '\u201cCafé society\u201d');
  assert.equal(result.encoding, 'windows-1252');
  assert.deepEqual(result.problems, []);
});

test('decodeText(bytes) prefers valid UTF-8 over the Windows-1252 fallback', () => {
  const result = decodeText(Buffer.from('Café – “quoted”'), {}, 'a.txt');
  assert.equal(result.text, 'Café – “quoted”');
  assert.equal(result.encoding, 'utf-8');
});

test('decodeText(bytes) follows a byte-order mark over every declaration and drops it', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë says hi', 'utf16le')]);
  assert.equal(decodeText(utf16, { httpCharset: 'iso-8859-1' }, 'a').text, 'Zoë says hi');
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Zoë</p>')]);
  const result = decodeText(utf8, { httpCharset: 'windows-1252', markup: 'html' }, 'a');
  assert.equal(result.text, '<p>Zoë</p>');
  assert.equal(result.encoding, 'utf-8');
});

test('decodeText(bytes) lets the HTTP charset beat a contradicting <meta charset>', () => {
  const page = latin1('<html><head><meta charset="utf-8"></head><body>na\xefve</body></html>');
  const result = decodeText(page, { httpCharset: 'ISO-8859-1', markup: 'html' }, 'p.html');
  assert.match(result.text, /naïve/);
  assert.equal(result.encoding, 'windows-1252');
});

test('decodeText(bytes) reads <meta http-equiv> and the XML declaration', () => {
  const page = latin1(
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"></head><body>\xa4 5</body></html>',
  );
  assert.match(decodeText(page, { markup: 'html' }, 'p').text, /€ 5/);
  const xml = latin1(
    '<?xml version="1.0" encoding="windows-1252"?><rss><title>\x93Hi\x94</title></rss>',
  );
  const result = decodeText(xml, { markup: 'xml' }, 'f.xml');
  assert.match(result.text, /“Hi”/);
  assert.equal(result.encoding, 'windows-1252');
});

test('decodeText(bytes) trusts valid UTF-8 declared in the page over a legacy HTTP default', () => {
  const page = Buffer.from('<meta charset="utf-8"><p>Zoë</p>');
  const result = decodeText(page, { httpCharset: 'iso-8859-1', markup: 'html' }, 'p');
  assert.equal(result.text, '<meta charset="utf-8"><p>Zoë</p>');
  assert.equal(result.encoding, 'utf-8');
});

test('decodeText(bytes) warns when declared UTF-8 is broken and an unknown charset is named', () => {
  const page = latin1('<meta charset="utf-8"><p>caf\xe9</p>');
  const broken = decodeText(page, { markup: 'html' }, 'p.html');
  assert.match(broken.text, /café/);
  assert.deepEqual(
    broken.problems.map((p) => [p.code, p.severity, p.source]),
    [['ingest/charset-mismatch', 'warning', 'p.html']],
  );
  const unknown = decodeText(Buffer.from('plain'), { httpCharset: 'x-klingon' }, 'u');
  assert.equal(unknown.text, 'plain');
  assert.equal(unknown.problems[0]?.code, 'ingest/unknown-charset');
});
