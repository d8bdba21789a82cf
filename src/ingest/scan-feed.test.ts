import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanFeed } from './scan-feed.ts';

test('scanFeed(xml) counts the items the feed reader reads, in RSS channels, RDF roots and Atom feeds', () => {
  assert.equal(
    scanFeed('<rss><channel><item/><item></item><x><item/></x></channel></rss>', 10, 100).items,
    2,
  );
  assert.equal(scanFeed('<rdf:RDF><channel/><item/><item/></rdf:RDF>', 10, 100).items, 2);
  assert.equal(scanFeed('<feed><entry/><entry/><item/></feed>', 10, 100).items, 2);
  // Items inside CDATA are text, not items.
  assert.equal(
    scanFeed('<rss><channel><item><![CDATA[<item><item>]]></item></channel></rss>', 10, 100).items,
    1,
  );
});

test('scanFeed(xml) marks where the item past maxItems starts, to cut the feed there', () => {
  const xml = `<rss><channel>${'<item><title>x</title></item>'.repeat(5)}</channel></rss>`;
  const scan = scanFeed(xml, 3, 100);
  assert.equal(scan.items, 5);
  assert.equal(xml.slice(scan.cutAt).startsWith('<item>'), true);
  assert.equal((xml.slice(0, scan.cutAt).match(/<item>/g) ?? []).length, 3);
});

test('scanFeed(xml) stops past maxDepth, counting closes as the XML parser does', () => {
  assert.equal(scanFeed(`<rss>${'<b>'.repeat(2_000)}`, 10, 1_000).tooDeep, true);
  // Closed elements do not add up; a closing tag pops up to its element, a stray one is ignored.
  assert.equal(
    scanFeed(`<rss>${'<b></b>'.repeat(5_000)}<a><b><c></a></zz></rss>`, 10, 5).tooDeep,
    false,
  );
});
