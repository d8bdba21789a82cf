import { Tokenizer } from 'htmlparser2';
import { scanMarkup, type TokenCallbacks } from '../text/scan-markup.ts';

// The tokenizer of the htmlparser2 that ingest parses feeds with (extract
// passes the copy linkedom pins, an older major that tokenizes doctypes,
// bogus comments and raw-text tags differently), so a scan sees exactly the
// tags, CDATA sections and comments the feed parser will see.

/**
 * Run the feed parser's htmlparser2 tokenizer over markup (XML when
 * `xmlMode`, else HTML; entities decoded) with the given callbacks, the rest
 * ignored; `stop()` ends the scan early. See `scanMarkup`.
 */
export function tokenizeMarkup(
  markup: string,
  xmlMode: boolean,
  callbacks: (stop: () => void) => Partial<TokenCallbacks>,
): void {
  scanMarkup(Tokenizer, markup, xmlMode, callbacks);
}
