/** The callbacks htmlparser2's `Tokenizer` calls, with offsets into the markup written to it. */
export interface TokenCallbacks {
  onattribdata(start: number, endIndex: number): void;
  onattribentity(codepoint: number): void;
  onattribend(quote: number, endIndex: number): void;
  onattribname(start: number, endIndex: number): void;
  oncdata(start: number, endIndex: number, endOffset: number): void;
  onclosetag(start: number, endIndex: number): void;
  oncomment(start: number, endIndex: number, endOffset: number): void;
  ondeclaration(start: number, endIndex: number): void;
  onend(): void;
  onopentagend(endIndex: number): void;
  onopentagname(start: number, endIndex: number): void;
  onprocessinginstruction(start: number, endIndex: number): void;
  onselfclosingtag(endIndex: number): void;
  ontext(start: number, endIndex: number): void;
  ontextentity(codepoint: number, endIndex: number): void;
}

/**
 * htmlparser2's `Tokenizer` class, of whichever copy the caller's parser
 * uses: ingest's feed parser and linkedom pin different majors, whose
 * tokenizers differ on doctypes, bogus comments and raw-text tags, so each
 * stage passes its own and this module imports none.
 */
export type TokenizerClass = new (
  options: { xmlMode?: boolean; decodeEntities?: boolean },
  callbacks: TokenCallbacks,
) => { write(chunk: string): void; end(): void; pause(): void };

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

/**
 * Run an htmlparser2 `Tokenizer` over markup (XML when `xmlMode`, else HTML;
 * entities decoded) with the given callbacks, the rest ignored. The
 * tokenizer is linear and keeps no element stack, unlike its parser, whose
 * stack work grows with nesting depth; `stop()` ends the scan early.
 *
 * @example
 * scanMarkup(Tokenizer, '<p>a &amp; b</p>', false, () => ({ ontext(s, e) {} }));
 */
export function scanMarkup(
  Tokenizer: TokenizerClass,
  markup: string,
  xmlMode: boolean,
  callbacks: (stop: () => void) => Partial<TokenCallbacks>,
): void {
  let tokenizer: InstanceType<TokenizerClass> | undefined;
  const stop = (): void => tokenizer?.pause();
  tokenizer = new Tokenizer({ xmlMode, decodeEntities: true }, { ...IGNORE, ...callbacks(stop) });
  tokenizer.write(markup);
  tokenizer.end();
}
