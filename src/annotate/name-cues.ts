import cues from './data/name-cues.json' with { type: 'json' };
import { buildPhraseIndex, foldQuotes, type PhraseIndex } from './phrase-index.ts';

const set = (list: readonly string[]): ReadonlySet<string> => new Set(list.map(foldQuotes));
const phrases = (list: readonly string[]): PhraseIndex<string> =>
  buildPhraseIndex(list.map((p) => [p, p] as [string, string]));

/** Titles written before a name ("President", "Prime Minister", "Gen."); never part of the name. */
export const TITLES: PhraseIndex<string> = phrases(cues.titles);
/** Role nouns that mark a person in apposition or just before a name ("the head of", "actor"). */
export const ROLE_NOUNS: ReadonlySet<string> = set(cues.roleNouns);
/** Common given names: a capitalised pair starting with one is a person. */
export const GIVEN_NAMES: ReadonlySet<string> = set(cues.givenNames);
/** Last words that make a name an organisation ("Ministry", "Agency", "Times"). */
export const ORG_SUFFIXES: ReadonlySet<string> = set(cues.orgSuffixes);
/** First words that make a name with "of" an organisation ("Ministry of Defence"). */
export const ORG_PREFIXES: ReadonlySet<string> = set(cues.orgPrefixes);
/** Lower-case nouns after a name that make it an organisation ("the Interfax news agency"). */
export const ORG_HEAD_NOUNS: PhraseIndex<string> = phrases(cues.orgHeadNouns);
/** Lower-case nouns just before a name that make it an organisation ("arms exporter Rosoboronexport"). */
export const ORG_APPOSITIVE_NOUNS: ReadonlySet<string> = set(cues.orgAppositiveNouns);
/** Last words that make a name a place ("Panjshir Valley", "Kuwait City"). */
export const PLACE_SUFFIXES: ReadonlySet<string> = set(cues.placeSuffixes);
/** First words that make a name a place ("Mount Cook", "Lake Baikal"). */
export const PLACE_PREFIXES: ReadonlySet<string> = set(cues.placePrefixes);
/** Lower-case nouns after a name that make it a place ("Panjshir province"). */
export const PLACE_HEAD_NOUNS: ReadonlySet<string> = set(cues.placeHeadNouns);
/** Head nouns that make the owner in "X's <noun>" a place ("Arvelia's port", "Titan's icy crust"). */
export const PLACE_POSSESSED_NOUNS: ReadonlySet<string> = set(cues.placePossessedNouns);
/** Prepositions that put an unknown name in a place ("in Manokwari"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = set(cues.placePrepositions);
/** Last words of names that are neither people, organisations nor places (laws, events, prizes). */
export const MISC_SUFFIXES: ReadonlySet<string> = set(cues.miscSuffixes);
/** First words of such names ("Hurricane Katrina", "Operation Allies Refuge"). */
export const MISC_PREFIXES: PhraseIndex<string> = phrases(cues.miscPrefixes);
/** Nationality, religion and party adjectives: capitalised but not names ("Russian", "Afghan"). */
export const DEMONYMS: ReadonlySet<string> = set(cues.demonyms);
/** Compass and size words that may start a place name ("Northern Afghanistan"). */
export const DIRECTIONS: ReadonlySet<string> = set(cues.directions);
/** Organisation suffixes that are also surnames ("Emily Post", "Frank Church"): a given name before them makes a person. */
export const SURNAME_LIKE_SUFFIXES: ReadonlySet<string> = set(cues.surnameLikeSuffixes);
/** Compass words that put the name after "east of" in a place ("13 miles east of Cloverdale"). */
export const COMPASS_WORDS: ReadonlySet<string> = set(cues.compassWords);
/** Capitalised words that are never a name on their own (months, weekdays, "Internet", "TV"). */
export const NON_NAMES: PhraseIndex<string> = phrases(cues.nonNames);
