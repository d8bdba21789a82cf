import { Tokenizer } from 'htmlparser2';

/** The callbacks htmlparser2's `Tokenizer` calls, with offsets into the markup written to it. */
export type TokenCallbacks = ConstructorParameters<typeof Tokenizer>[1];

const IGNORE: TokenCallbacks = {
  onattribdata() {},
  onattribentity() {},
  onattribend() {},
  onattribname() {},
  oncdata() {},
  onclosetag() {},
  oncomment() {},
  ondeclaration() {},
  onend() {},
  onopentagend() {},
  onopentagname() {},
  onprocessinginstruction() {},
  onselfclosingtag() {},
  ontext() {},
  ontextentity() {},
};

// The tokenizer of the htmlparser2 that ingest parses feeds with (extract
// has its own, matching the copy linkedom pins), so a scan sees exactly the
// tags, CDATA sections and comments the feed parser will see.

/**
 * Run htmlparser2's tokenizer over markup (XML when `xmlMode`, else HTML;
 * entities decoded) with the given callbacks, the rest ignored. The
 * tokenizer is linear and keeps no element stack, unlike its parser, whose
 * stack work grows with nesting depth; `stop()` ends the scan early.
 */
export function tokenizeMarkup(
  markup: string,
  xmlMode: boolean,
  callbacks: (stop: () => void) => Partial<TokenCallbacks>,
): void {
  let tokenizer: Tokenizer | undefined;
  const stop = (): void => tokenizer?.pause();
  tokenizer = new Tokenizer({ xmlMode, decodeEntities: true }, { ...IGNORE, ...callbacks(stop) });
  tokenizer.write(markup);
  tokenizer.end();
}
