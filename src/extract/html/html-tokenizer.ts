import { createRequire } from 'node:module';
import { scanMarkup, type TokenCallbacks, type TokenizerClass } from '../../text/scan-markup.ts';

// The tokenizer of the very htmlparser2 that linkedom parses with (linkedom
// pins its own major version, older than the one ingest parses feeds with,
// and the two tokenize doctypes, bogus comments and raw-text tags
// differently), so a scan sees exactly the tags, comments and raw-text
// elements that linkedom's parser will see.
const fromLinkedom = createRequire(import.meta.resolve('linkedom'));
const { Tokenizer } = fromLinkedom('htmlparser2') as { Tokenizer: TokenizerClass };

/**
 * Tokenize `html` as linkedom's parser does (HTML mode, entities decoded),
 * calling the given callbacks, the rest ignored; `stop()` ends the scan early.
 * See `scanMarkup`.
 */
export function tokenizeHtml(
  html: string,
  callbacks: (stop: () => void) => Partial<TokenCallbacks>,
): void {
  scanMarkup(Tokenizer, html, false, callbacks);
}
