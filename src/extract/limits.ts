/**
 * Caps that keep extraction of one hostile or broken document bounded in
 * time and memory. Past a cap the document is still read, in a cheaper way
 * (its text without the markup's structure), with a warning saying so.
 * The sizes of whole documents are capped earlier, by ingest
 * (`MAX_DOCUMENT_BYTES`).
 */

/**
 * Deepest element nesting read as an HTML tree. The 181 real pages of
 * `../shared/eval/extraction` nest at most 51 deep (median 17). Past that,
 * costs explode: the HTML parser moves its whole open-element stack on
 * every tag (20,000 unclosed divs took 119 s), and Readability's cleanup
 * measures text density for every container over all its descendants,
 * cubic in depth: one paragraph inside 250 nested divs took 0.5 s, 500
 * took 2.4 s, 1,000 took 16 s and 1,850 took 103 s (that page was found
 * by the WARC fuzz target). Pages with hundreds of unclosed inline tags
 * (`<p><font>` per paragraph) nest this deep legitimately, so a deeper page
 * is not refused: its text is read without the tree.
 */
export const MAX_HTML_DEPTH = 250;

/**
 * Cap on the parser's work on one page, counted as the sum over every tag
 * of how many elements are open at that tag (what the HTML parser's stack
 * operations cost: it shifts the whole stack on each open tag and searches
 * it on each closing tag). The 181 pages of `../shared/eval/extraction`
 * need at most 44,286 (median 13,875); 100,000 nested elements (5 × 10⁹)
 * took 5 s to parse, so 50 million is about 50 ms, and a page of millions
 * of stray closing tags under a few hundred open elements is stopped.
 */
export const MAX_HTML_PARSE_WORK = 50_000_000;

/**
 * Longest Markdown document parsed as Markdown. The Markdown parser
 * (micromark) costs 3 to 12 µs per character on article-like text
 * (measured on 0.1–1.4 MB of generated paragraphs and short lines), about
 * ten times what the plain-text splitter does; the longest Markdown article
 * in `examples/` and the seeds is under 5 KB. A longer document is split as
 * plain text.
 */
export const MAX_MARKDOWN_CHARS = 512 * 1024;

/**
 * Cap on the inline work of one Markdown document, counted per block
 * (lines between blank lines) as the square of its emphasis and link
 * delimiters (`*`, `_`, `[`, `]`), summed. micromark matches delimiters in
 * quadratic time: one paragraph of 5,000 alternating `*a_ ` took 7.5 s and
 * of 10,000 took 58 s; 2,000 delimiters in one block (4 million) take
 * about 0.3 s. Real paragraphs carry a few dozen.
 */
export const MAX_MARKDOWN_INLINE_WORK = 4_000_000;

/**
 * Cap on the container work of one Markdown document: the sum over lines
 * of how many block quotes and list levels open the line. Every open
 * container is re-checked on every line, about 20 µs each (500 lines
 * quoted 1 to 500 deep took 2.6 s); 100,000 keeps that near 2 s, while a
 * real article quotes or nests a few levels on a few dozen lines.
 */
export const MAX_MARKDOWN_CONTAINER_WORK = 100_000;

/**
 * Deepest container nesting (block quotes in block quotes, lists in
 * lists) parsed as Markdown: the Markdown walk recurses once per level and
 * 10,000 nested quotes overflowed the stack. Real articles nest 2 or 3
 * deep.
 */
export const MAX_MARKDOWN_NESTING = 100;
