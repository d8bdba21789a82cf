import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { scanNesting } from './nesting.ts';

const NO_LIMIT = { depth: Number.MAX_SAFE_INTEGER, work: Number.MAX_SAFE_INTEGER };

/** Depth of the parsed tree below <html>, counted on linkedom's DOM. */
function treeDepth(html: string): number {
  const { document } = parseHTML(html) as unknown as {
    document: { documentElement: { firstElementChild: unknown } };
  };
  let max = 0;
  const stack: Array<
    [{ firstElementChild: unknown; nextElementSibling?: unknown } | null, number]
  > = [[document.documentElement as never, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [
      { firstElementChild: unknown; nextElementSibling?: unknown },
      number,
    ];
    max = Math.max(max, depth);
    for (
      let child = element.firstElementChild as {
        firstElementChild: unknown;
        nextElementSibling?: unknown;
      } | null;
      child;
      child = child.nextElementSibling as typeof child
    ) {
      stack.push([child, depth + 1]);
    }
  }
  return max;
}

test('scanNesting(html) never estimates below the depth the parser builds, whatever tags are left open', () => {
  const pages = [
    '<div><p>one</p><p>two</p></div>',
    '<ul><li>a<li>b<li>c</ul>',
    '<p><font>a<p><font>b<p><font>c',
    '<div><span></div></span><div><b><i>x</b></i></div>',
    '<table><tr><td>1<td>2<tr><td>3</table>',
    '<svg><path/><path/><g><path/></g></svg><div/><div/>',
    '<div><!-- </div> --><script>"</div>"</script><style>/* </div> */</style></div>',
    '<div><textarea></div></textarea><title></div></title></div>',
    '<div></x></y></div></div></div><p>',
  ];
  for (const html of pages) {
    // linkedom adds <html> and <body>; the scan counts what the page opens.
    assert.ok(scanNesting(html, NO_LIMIT).depth + 2 >= treeDepth(html), html);
  }
});

test('scanNesting(html) stops past the depth limit without reading the rest', () => {
  const nesting = scanNesting(`${'<div>'.repeat(1_000_000)}<p>x</p>`, {
    depth: 300,
    work: Number.MAX_SAFE_INTEGER,
  });
  assert.equal(nesting.exceeded, true);
  assert.equal(nesting.depth, 301);
});

test('scanNesting(html) counts stack work, so stray closing tags under open ones are stopped too', () => {
  const nesting = scanNesting(`${'<span>'.repeat(200)}${'</x>'.repeat(100_000)}`, {
    depth: 250,
    work: 1_000_000,
  });
  assert.equal(nesting.exceeded, true);
  assert.ok(nesting.depth <= 250);
});

test('scanNesting(html) leaves ordinary pages far under the limits', () => {
  const page = `<html><head><title>T</title></head><body><nav><ul>${'<li><a href="/">x</a></li>'.repeat(50)}</ul></nav><article>${'<p>Words <b>and</b> more.</p>'.repeat(200)}</article></body></html>`;
  const nesting = scanNesting(page, { depth: 250, work: 50_000_000 });
  assert.equal(nesting.exceeded, false);
  assert.equal(nesting.depth, 6);
});
