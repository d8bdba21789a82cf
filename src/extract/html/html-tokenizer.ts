import { createRequire } from 'node:module';

/** The callbacks of htmlparser2's `Tokenizer` (offsets into the written string). */
export interface TokenizerCallbacks {
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

/** htmlparser2's tokenizer: linear in its input, with no element stack. */
export interface Tokenizer {
  write(chunk: string): void;
  end(): void;
  pause(): void;
}

type TokenizerClass = new (
  options: { xmlMode?: boolean; decodeEntities?: boolean },
  callbacks: TokenizerCallbacks,
) => Tokenizer;

// The tokenizer of the very htmlparser2 that linkedom parses with (linkedom
// pins its own major version), so a scan sees exactly the tags, comments and
// raw-text elements that linkedom's parser will see.
const fromLinkedom = createRequire(import.meta.resolve('linkedom'));
const { Tokenizer: HtmlTokenizer } = fromLinkedom('htmlparser2') as { Tokenizer: TokenizerClass };

/** A no-op for every callback, to spread the callbacks a scan needs over. */
export const IGNORE_TOKENS: TokenizerCallbacks = {
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

/** Tokenize `html` as linkedom's parser does (HTML mode, entities decoded), calling `callbacks`. */
export function tokenizeHtml(
  html: string,
  callbacks: (tokenizer: { pause(): void }) => TokenizerCallbacks,
): void {
  let tokenizer: Tokenizer | undefined;
  const pause = { pause: () => tokenizer?.pause() };
  tokenizer = new HtmlTokenizer({ xmlMode: false, decodeEntities: true }, callbacks(pause));
  tokenizer.write(html);
  tokenizer.end();
}
