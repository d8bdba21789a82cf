/**
 * A seeded batch of small, real-looking news articles for the crash tests
 * (test/store-crash.test.ts): a few dozen invented events, each reported
 * by several outlets as wire copies with small edits (so ingesting them
 * makes stories, joins and merges), plus stand-alone reports. Made from
 * templates and the seeded copy generator of the benchmarks, so the test
 * needs no data outside the repository.
 *
 * @example
 * const files = crashCorpus(300, 7);
 * writeCrashCorpus(folder, files);
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveCopy, mulberry32 } from '../../bench/lib/derive-copies.ts';

/** One generated input file. */
export interface CrashCorpusFile {
  /** File name (`.txt`), unique, in the batch's order. */
  name: string;
  text: string;
}

const PLACES = [
  ['KESTREL BAY', 'Arvelia'],
  ['PORT LENNOX', 'Dravonia'],
  ['SALT HOLLOW', 'Merrowland'],
  ['ASHFORD', 'Calveria'],
  ['NORTH QUAY', 'Ostria'],
  ['VELLMAR', 'Tarnesse'],
  ['BRIGHTWATER', 'Lusk'],
  ['CORRAN', 'Edavia'],
  ['MIREFIELD', 'Arvelia'],
  ['HALDEN', 'Severa'],
] as const;

const FIRST = ['Anneliese', 'Tomas', 'Ruth', 'Idris', 'Marguerite', 'Oskar', 'Lena', 'Femi'];
const LAST = ['Kord', 'Varga', 'Osei', 'Lindqvist', 'Brannigan', 'Achterberg', 'Moreau', 'Dalca'];
const AGENCIES = ['MPA', 'Coastline Wire', 'Northern Press Service'];
const OUTLETS = ['The Tidewater Lantern', 'Freightline Weekly', 'Northern Ledger', 'Harbour Post'];

const SUBJECTS = [
  'the port authority',
  'the regional council',
  'the fire service',
  'the rail operator',
  'the health ministry',
  'the dockworkers union',
  'a shipping company',
  'the city water board',
  'the police',
  'the coast guard',
  'the school board',
  'a local bakery chain',
  'the ferry line',
  'the electricity grid operator',
  'the farmers cooperative',
  'the university hospital',
];
const ACTIONS = [
  'announced plans to close',
  'agreed to rebuild',
  'warned of delays at',
  'opened an inquiry into',
  'cancelled all services to',
  'doubled its budget for',
  'evacuated',
  'reopened',
  'sold',
  'cut jobs at',
  'postponed the vote on',
  'won a court case over',
  'bought',
  'inspected',
];
const THINGS = [
  'the old grain terminal',
  'the northern ferry pier',
  'a flooded rail tunnel',
  'the fish market',
  'a coal-fired power plant',
  "the children's ward",
  'the container yard',
  'a chemical warehouse',
  'the harbour bridge',
  'the night bus network',
  'a salt mine',
  'the lighthouse museum',
  'the airport runway',
  'a wind farm',
  'the central library',
  'a textile factory',
];
const WHEN = [
  'on Monday',
  'on Tuesday night',
  'late on Wednesday',
  'on Thursday morning',
  'on Friday',
  'over the weekend',
  'earlier this month',
  'after a week of talks',
];
const DETAILS = [
  'The cost was put at {n} million crowns, and {m} contractors have bid for the work.',
  'About {n} people were affected, {m} of them for more than a day.',
  'Officials said the decision followed {m} months of complaints from {n} households.',
  'The site employs {n} people, and {m} of them are on temporary contracts.',
  'A report seen by reporters lists {n} safety breaches over the past {m} years.',
  'Traffic on the {street} fell by {n} percent in the first {m} days.',
  'Shares in {company} fell {m} percent after the news, to {n} crowns.',
  'The {company} spokesman declined to comment beyond a short statement.',
];
const QUOTES = [
  '"We did not take this decision lightly," {name} told reporters in {place}.',
  '"People here have waited long enough," said {name}, who lives on {street}.',
  '"This is a warning for every port in {country}," {name} said.',
  '"Nobody told us anything until it was too late," {name} said outside {company}.',
  '"The numbers speak for themselves," {name} said in a statement.',
];
const HEADLINE_VERBS = ['row over', 'plans for', 'delays at', 'inquiry into', 'vote on', 'fire at'];
const SYLLABLES = [
  'mar',
  'ten',
  'vol',
  'ka',
  'rin',
  'dor',
  'sel',
  'ba',
  'quin',
  'to',
  'lev',
  'ush',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

/** An invented proper name of two or three syllables ("Tenvollev"): words no other event uses. */
function coined(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 2);
  let word = '';
  for (let i = 0; i < n; i++) word += pick(rand, SYLLABLES);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function sentence(rand: () => number, values: Record<string, string>): string {
  const s = `${pick(rand, SUBJECTS)} of ${values.town} ${pick(rand, ACTIONS)} ${pick(rand, THINGS)} on ${values.street} ${pick(rand, WHEN)}, ${values.name} of ${values.company} said.`;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * `count` article files, seeded: same count and seed, same files. About
 * one in five is a stand-alone report; the rest are copies (2 to 8 each)
 * of an event's wire story, spread over the batch.
 */
export function crashCorpus(count: number, seed: number): CrashCorpusFile[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`Expected a positive article count, got ${count}`);
  }
  const rand = mulberry32(seed);
  const texts: string[] = [];
  const seen = new Set<string>();
  for (let event = 0; texts.length < count; event++) {
    const [place, country] = pick(rand, PLACES);
    const values: Record<string, string> = {
      place: place.charAt(0) + place.slice(1).toLowerCase(),
      country,
      town: coined(rand),
      name: `${pick(rand, FIRST)} ${pick(rand, LAST)}`,
      street: `${coined(rand)} Street`,
      company: `${coined(rand)} ${pick(rand, ['Holdings', 'Logistics', 'Works', 'Group'])}`,
    };
    const day = 1 + (event % 28);
    const agency = pick(rand, AGENCIES);
    const lead = sentence(rand, values);
    const paragraphs = [
      `${place}, ${country}, March ${day} (${agency}) - ${lead}`,
      `${sentence(rand, values)} ${fill(pick(rand, DETAILS), { ...values, n: String(20 + Math.floor(rand() * 900)), m: String(2 + Math.floor(rand() * 11)) })}`,
      fill(pick(rand, QUOTES), values),
      `${sentence(rand, values)} ${fill(pick(rand, DETAILS), { ...values, n: String(20 + Math.floor(rand() * 900)), m: String(2 + Math.floor(rand() * 11)) })}`,
    ];
    const wire = [
      `${values.town} ${pick(rand, HEADLINE_VERBS)} ${pick(rand, THINGS).replace(/^(the|a) /, '')} on ${values.street}`,
      `By ${pick(rand, FIRST)} ${pick(rand, LAST)}`,
      ...paragraphs,
    ].join('\n\n');
    const copies = rand() < 0.2 ? 1 : 2 + Math.floor(rand() * 7);
    for (let c = 0; c < copies && texts.length < count; c++) {
      const text =
        c === 0
          ? wire
          : deriveCopy(wire, {
              seed: seed * 7919 + event * 101 + c,
              editRate: 0.04,
              edits: ['substitute', 'spelling', 'punctuation', 'drop-sentence'],
            }).text;
      const full = `${text}\n\n${pick(rand, OUTLETS)}, March ${day}, 2025\n`;
      if (seen.has(full)) continue;
      seen.add(full);
      texts.push(full);
    }
  }
  // Seeded Fisher-Yates: copies of one event arrive spread over the batch, as from many outlets.
  for (let i = texts.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [texts[i], texts[j]] = [texts[j] as string, texts[i] as string];
  }
  return texts.map((text, i) => ({ name: `n${String(i).padStart(4, '0')}.txt`, text }));
}

/** Write the files into `folder` (created when missing). */
export function writeCrashCorpus(folder: string, files: readonly CrashCorpusFile[]): void {
  mkdirSync(folder, { recursive: true });
  for (const f of files) writeFileSync(join(folder, f.name), f.text);
}
