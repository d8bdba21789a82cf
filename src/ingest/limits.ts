/**
 * Cap on the bytes one gzip stream (a `.gz` file, a WARC.gz, a gzipped HTTP
 * body inside a WARC) may decompress to: the same as a plain input (the
 * reader's `MAX_INPUT_BYTES`, where the measurements are), so compressing
 * an input never lets more through; `--max-bytes` raises both. The size is
 * measured by streaming before anything is kept, so a gzip bomb (10 MB
 * expanding to 10 GiB) is refused at the CLI's baseline memory; holding
 * the output while checking it had peaked at 1.2 GiB.
 */
export const MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024;

/**
 * Cap on the items read from one container (feed items, JSONL lines, WARC
 * records). A 1 GiB CC-News WARC segment holds about 40,000 responses, so
 * 100,000 leaves room for real archives while a runaway generator is cut off
 * with a problem that says how many were left unread.
 */
export const MAX_ITEMS_PER_CONTAINER = 100_000;

/**
 * How deep containers may nest (a gzip holding a WARC whose record is a
 * gzipped feed is depth 3). Real inputs never go past 3; the cap stops a
 * crafted file from recursing without end.
 */
export const MAX_NESTING_DEPTH = 4;

/**
 * Bytes of an HTML or XML document searched for a declared charset
 * (`<meta charset>`, `http-equiv`, the XML declaration). The HTML spec's
 * prescan stops at 1 KiB, but on the 181 pages of
 * `../shared/eval/extraction` only 120 of the 147 that declare a charset do
 * so within 1 KiB, 145 within 16 KiB and 146 within 64 KiB (the last at
 * 69,383 bytes, measured with `grep -abo` on the decompressed pages).
 */
export const CHARSET_PRESCAN_BYTES = 64 * 1024;

/**
 * Bytes looked at to tell the format and to spot binary data. 8 KiB covers
 * an XML declaration, a doctype and comments before the root element, and is
 * what `file(1)`-style sniffers and git's binary check read.
 */
export const SNIFF_BYTES = 8 * 1024;

/**
 * Cap on one document (an HTML page, a text or Markdown file, one feed
 * item's or record's text, one WARC response body) handed on to extract.
 * The largest of the 181 real pages of `../shared/eval/extraction` is
 * 1.5 MB. Extracting HTML costs about 1 s and 65 MB of memory per MB of
 * markup (measured on an eval page repeated to 13 MB: 12.5 s, 905 MB), and
 * up to 10 s per MB for pages made only of links or table cells, so 8 MiB
 * keeps one page to about a minute and 600 MB at worst. A bigger
 * "document" is an archive or a dump, not an article.
 */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/**
 * Deepest element nesting read from an XML feed. Feeds nest five levels
 * (rss, channel, item, content) plus the XHTML of an Atom entry, a few
 * dozen at most; the XML parser moves its whole open-element stack on
 * every tag and the feed reader recurses per level, so 100,000 nested
 * elements took 5 s and overflowed the stack before this cap.
 */
export const MAX_FEED_DEPTH = 1_000;
