import type { EntityKind } from '../model/annotation.ts';
import organizations from './data/organizations.json' with { type: 'json' };
import people from './data/people.json' with { type: 'json' };
import places from './data/places.json' with { type: 'json' };
import { buildPhraseIndex, type PhraseIndex } from './phrase-index.ts';

/** What a gazetteer knows about a name. */
export interface GazetteerEntry {
  /** Canonical name ("Collective Security Treaty Organization" for "CSTO"). */
  name: string;
  kind: EntityKind;
  /** The list it came from: "alliance", "agency", "country", "city", "person", ... */
  group: string;
}

type RawEntry = string | { name: string; aliases?: string[]; abbreviations?: string[] };

function* expand(
  list: readonly RawEntry[],
  kind: EntityKind,
  group: string,
): Generator<[string, GazetteerEntry]> {
  for (const raw of list) {
    const entry = typeof raw === 'string' ? { name: raw } : raw;
    const value: GazetteerEntry = { name: entry.name, kind, group };
    yield [entry.name, value];
    for (const alias of 'aliases' in entry ? (entry.aliases ?? []) : []) yield [alias, value];
  }
}

function* allEntries(): Generator<[string, GazetteerEntry]> {
  yield* expand(places.countries as RawEntry[], 'place', 'country');
  yield* expand(places.regions as RawEntry[], 'place', 'region');
  yield* expand(places.cities as RawEntry[], 'place', 'city');
  yield* expand(places.usStates as RawEntry[], 'place', 'state');
  for (const [group, list] of Object.entries(organizations)) {
    if (Array.isArray(list)) yield* expand(list as RawEntry[], 'organization', group);
  }
  yield* expand(people.entries as RawEntry[], 'person', 'person');
}

/**
 * Every place, organisation and person the shipped gazetteers name, with
 * aliases, in one phrase index (data files and their provenance in
 * `data/*.json`). Built once at module load (~2,000 phrases).
 */
export const GAZETTEER: PhraseIndex<GazetteerEntry> = buildPhraseIndex(allEntries());

/**
 * AP-style US state abbreviations ("Monroe, La."). Only trusted after
 * "<Place>, " because several are also words or titles ("Miss.", "Ind.").
 */
export const STATE_ABBREVIATIONS: PhraseIndex<GazetteerEntry> = buildPhraseIndex(
  (function* () {
    for (const s of places.usStates as Array<{ name: string; abbreviations?: string[] }>) {
      for (const a of s.abbreviations ?? [])
        yield [a, { name: s.name, kind: 'place', group: 'state' }] as [string, GazetteerEntry];
    }
  })(),
);
