import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, jsonForScript, safeHttpUrl } from './escape.ts';

test('escapeHtml(text) escapes the five characters that can start markup or end an attribute', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
});

test('jsonForScript(value) cannot close the script element and reads back unchanged', () => {
  const value = { text: '</script><script>alert(1)</script><!-- & \u2028\u2029 "' };
  const out = jsonForScript(value);
  assert.doesNotMatch(out, /<|>|&|\u2028|\u2029/);
  assert.deepEqual(JSON.parse(out), value);
});

test('safeHttpUrl(url) keeps http and https URLs and refuses every other scheme', () => {
  assert.equal(safeHttpUrl('https://courier.example/a?b=1'), 'https://courier.example/a?b=1');
  assert.equal(safeHttpUrl('javascript:alert(1)'), null);
  assert.equal(safeHttpUrl('data:text/html,<script>'), null);
  assert.equal(safeHttpUrl('not a url'), null);
  assert.equal(safeHttpUrl(null), null);
});
