/**
 * Word classes the edit classifier needs: function words, number and date
 * words, and spelling variants (British/American, hyphenation, typos).
 * Inputs are matching keys (normalised words, hyphens removed).
 */
import { CARDINAL_WORDS } from '../text/number-words.ts';

// Articles, prepositions, conjunctions, pronouns, auxiliaries and particles:
// words that carry grammar, not facts. Negations are left out on purpose
// ("not" changes the fact).
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those some any each every of to in on at by for from with within ' +
    'without about above across after against along among amongst around as before behind below ' +
    'beside between beyond during into onto upon over under than then through throughout toward ' +
    'towards until via and or but nor so yet if while whilst whether because since though although ' +
    'is are was were be been being am has have had having do does did will would shall should can ' +
    'could may might must it its he him his she her they them their theirs we us our you your i me ' +
    'my who whom whose which what there here also too just only still even'
  ).split(/\s+/),
);

/** Whether a word carries grammar rather than content ("a", "the", "of", "has"). */
export function isFunctionWord(key: string): boolean {
  return FUNCTION_WORDS.has(key);
}

const MONTHS = new Map<string, string>(
  Object.entries({
    january: 'm1',
    jan: 'm1',
    february: 'm2',
    feb: 'm2',
    march: 'm3',
    mar: 'm3',
    april: 'm4',
    apr: 'm4',
    may: 'm5',
    june: 'm6',
    jun: 'm6',
    july: 'm7',
    jul: 'm7',
    august: 'm8',
    aug: 'm8',
    september: 'm9',
    sept: 'm9',
    sep: 'm9',
    october: 'm10',
    oct: 'm10',
    november: 'm11',
    nov: 'm11',
    december: 'm12',
    dec: 'm12',
    monday: 'd1',
    mon: 'd1',
    tuesday: 'd2',
    tue: 'd2',
    tues: 'd2',
    wednesday: 'd3',
    wed: 'd3',
    thursday: 'd4',
    thu: 'd4',
    thur: 'd4',
    thurs: 'd4',
    friday: 'd5',
    fri: 'd5',
    saturday: 'd6',
    sat: 'd6',
    sunday: 'd7',
    sun: 'd7',
  }),
);

const NUMBER_WORDS = new Map<string, string>([
  ...CARDINAL_WORDS,
  ...Object.entries({
    thirteen: '13',
    fourteen: '14',
    fifteen: '15',
    sixteen: '16',
    seventeen: '17',
    eighteen: '18',
    nineteen: '19',
    thirty: '30',
    forty: '40',
    fifty: '50',
    trillion: '1000000000000',
    first: '1',
    second: '2',
    third: '3',
    fourth: '4',
    fifth: '5',
    percent: '%',
    pct: '%',
    per: '%',
    cent: '',
  }),
]);

/**
 * The value a number or date word stands for ("sept" and "september" ->
 * "m9", "seven" and "7th" -> "7", "2,400" -> "2400"), or null when the word
 * is not one.
 */
export function numberKey(key: string): string | null {
  // Maps, not object literals: a key like 'constructor' must not find Object's.
  const named = MONTHS.get(key) ?? NUMBER_WORDS.get(key);
  if (named !== undefined) return named;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return null;
  const m = /^(\d[\d,.]*?)(?:st|nd|rd|th|s)?$/.exec(key);
  if (m === null) return null;
  let n = (m[1] as string).replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (/^\d+\.\d+$/.test(n)) n = n.replace(/0+$/, '').replace(/\.$/, '');
  return n;
}

// British -> American endings, applied to both words before comparing. Only
// words of six letters or more: shorter ones collide ("four" -> "for").
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/isation(s?)$/, 'ization$1'],
  [/is(e|ed|es|ing)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/our(s|ed|ing|hood|hoods|able)?$/, 'or$1'],
  [/([^aeiou])re(s?)$/, '$1er$2'],
  [/ence(s?)$/, 'ense$1'],
  [/ogue(s?)$/, 'og$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
  [/mme(s?)$/, 'm$1'],
  [/oe/, 'e'],
  [/ae/, 'e'],
];

function americanize(w: string): string {
  if (w.length < 6) return w;
  let out = w;
  for (const [re, to] of SPELLING_RULES) out = out.replace(re, to);
  return out;
}

/** Optimal string alignment distance, capped: returns cap + 1 once it is exceeded. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] as number;
}

// Endings that make another word form, not another spelling ("militant" / "militants").
const INFLECTION = /^(s|es|d|ed|ing|'s|')$/;

/**
 * Whether two words are spellings of one word: British/American endings
 * ("organisation"/"organization", "neighbours"/"neighbors"), or a typo (one
 * letter changed, added, dropped or swapped in a word of five or more
 * letters) that is not an inflection ("militant"/"militants" is not).
 */
export function isSpellingVariant(a: string, b: string): boolean {
  if (a === b) return true;
  // Every rule keeps the first letter and changes the length by three at most.
  if (a[0] !== b[0] || Math.abs(a.length - b.length) > 3) return false;
  if (americanize(a) === americanize(b)) return true;
  if (Math.min(a.length, b.length) < 5) return false;
  if (a.startsWith(b) && INFLECTION.test(a.slice(b.length))) return false;
  if (b.startsWith(a) && INFLECTION.test(b.slice(a.length))) return false;
  if (/\d/.test(a) || /\d/.test(b)) return false;
  return editDistance(a, b, 1) <= 1;
}
