/**
 * Cardinal number words and the digits they stand for: the words both
 * sentence similarity (src/text/sentence-similarity.ts) and word-edit
 * classes (src/align/word-classes.ts) read as numbers. A Map, so a word
 * such as "constructor" never finds a property of Object.
 */
export const CARDINAL_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    zero: '0',
    one: '1',
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    eleven: '11',
    twelve: '12',
    twenty: '20',
    hundred: '100',
    thousand: '1000',
    million: '1000000',
    billion: '1000000000',
  }),
);
