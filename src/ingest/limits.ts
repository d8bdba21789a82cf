/**
 * Cap on the bytes one gzip stream (a `.gz` file, a WARC.gz, a gzipped HTTP
 * body inside a WARC) may decompress to. News text compresses 4–10× and a
 * 256 MiB input (the reader's `MAX_INPUT_BYTES`) of real crawl data stays under
 * it, while a gzip bomb (1000:1 and more) is stopped after 1 GiB instead of
 * exhausting memory.
 */
export const MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024;

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
