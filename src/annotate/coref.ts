import type { Entity, EntityKind } from '../model/annotation.ts';
import type { Span } from '../model/span.ts';
import { NON_NAMES, PLACE_PREPOSITIONS } from './name-cues.ts';
import { buildPhraseIndex, foldQuotes } from './phrase-index.ts';

/**
 * How far back (characters) a nominal such as "the alliance" looks for the
 * organisation it refers to. News paragraphs run 200-400 characters; three
 * or four of them cover the usual distance between a name and its back
 * reference (in the seeds: 140-260 characters).
 */
const NOMINAL_REACH = 1500;

// Nominals and the organisations they can refer back to: a gazetteer group,
// or a last word of the name, or a noun the article itself used in apposition
// ("the CSTO, a military alliance led by Moscow").
const NOMINALS: Record<string, { groups: string[]; lastWords: string[] }> = {
  alliance: { groups: ['alliance'], lastWords: ['Alliance', 'Pact'] },
  bloc: { groups: ['alliance', 'international'], lastWords: ['Union', 'Alliance'] },
  organization: {
    groups: ['alliance', 'international'],
    lastWords: ['Organization', 'Organisation'],
  },
  organisation: {
    groups: ['alliance', 'international'],
    lastWords: ['Organization', 'Organisation'],
  },
  agency: { groups: ['agency'], lastWords: ['Agency'] },
  'news agency': { groups: ['agency'], lastWords: ['Agency'] },
  company: {
    groups: ['company'],
    lastWords: ['Company', 'Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Group'],
  },
  firm: {
    groups: ['company'],
    lastWords: ['Company', 'Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Group'],
  },
  group: { groups: ['militant'], lastWords: ['Group'] },
  movement: { groups: ['militant', 'party'], lastWords: ['Movement'] },
  militants: { groups: ['militant'], lastWords: [] },
  party: { groups: ['party'], lastWords: ['Party'] },
  ministry: { groups: [], lastWords: ['Ministry'] },
  department: { groups: [], lastWords: ['Department'] },
  broadcaster: { groups: ['media'], lastWords: [] },
  newspaper: {
    groups: ['media'],
    lastWords: ['Times', 'Post', 'Journal', 'Herald', 'Tribune', 'Gazette'],
  },
};
const NOMINAL = new RegExp(
  `\\bthe\\s+(${Object.keys(NOMINALS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'gi',
);
const APPOSITION =
  /^\s*(?:\([^)]{1,12}\)\s*)?,\s*(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,4}?)(alliance|bloc|organi[sz]ation|agency|company|firm|group|movement|party|ministry|broadcaster|newspaper)\b/u;
const ACRONYM_AFTER = /^\s*\(\s*(\p{Lu}[\p{Lu}\p{N}&.-]{1,9})\s*\)/u;
const EXPANSION_AFTER = /^\s*\(\s*(\p{Lu}[^()]{3,80})\)/u;
const ALL_CAPS = /^[\p{Lu}\p{N}&.-]+$/u;
const NAME_CONNECTORS = new Set([
  'of',
  'for',
  'the',
  'and',
  '&',
  'de',
  'du',
  'la',
  'le',
  'von',
  'van',
  'der',
  'al',
  'bin',
]);

// Evidence strength: how much a mention's kind can be trusted when mentions
// of one name disagree ("Washington" a place by gazetteer vs a person by default).
function strength(evidence: string | undefined): number {
  if (evidence === undefined) return 1;
  if (evidence.startsWith('gazetteer:')) return 4;
  if (evidence === 'default') return 1;
  if (evidence.startsWith('surname of') || evidence.startsWith('refers')) return 2;
  // "in X" is a guess from one preposition ("interest in Peyton Manning"):
  // any cue about the name itself (a title, a role, a suffix) outweighs it.
  if (evidence.startsWith("after '") && PLACE_PREPOSITIONS.has(evidence.slice(7, -1))) return 2;
  return 3;
}

// Place evidence from the name's own words or the words right after it
// ("Aceh province", "Arvelia's port", "Wrenford, the harbour town").
const OWN_PLACE_CUE =
  /^(?:followed by|suffix:|prefix:|possessive|appositive|before |direction:|state-abbreviation|after '[^']* of')/;
// Evidence that copies another mention's kind ("surname of …", "same name as at …").
const DERIVED = /^(?:surname of|same name as|short for|refers back)/;

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w.length > 0 && !NAME_CONNECTORS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function lastWord(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

/**
 * Within-article coreference over recognised entities: short forms of
 * people ("Mikheev" after "Alexander Mikheev"), acronyms with their
 * expansions ("Collective Security Treaty Organization (CSTO)"), nominals
 * that refer back to an organisation ("the alliance" after the CSTO), and
 * later mentions of a known name the recognizer missed (headlines, sentence
 * openers). Every mention of one referent ends up with the same canonical
 * `name` and `kind`.
 *
 * @param text the article's clean text
 * @param entities recognised mentions (any order); not modified
 * @param tokens the text's tokens, to find further mentions on token boundaries
 */
export function resolveCoreference(
  text: string,
  entities: readonly Entity[],
  tokens: readonly Span[],
): Entity[] {
  const folded = foldQuotes(text);
  let mentions = dedupe(entities.map((e) => ({ ...e })));

  // 1. Acronyms defined in parentheses, either way round.
  const acronyms = new Map<string, Entity>();
  for (let i = 0; i < mentions.length; i++) {
    const e = mentions[i] as Entity;
    const after = folded.slice(e.end, e.end + 90);
    const acr = ACRONYM_AFTER.exec(after);
    if (acr !== null && !ALL_CAPS.test(e.text) && e.text.includes(' ')) {
      const a = (acr[1] as string).replace(/\.$/, '');
      if (a[0] === e.text[0] || initials(e.text).startsWith(a[0] ?? '')) {
        acronyms.set(a, e);
        if (e.kind === 'person' && strength(e.evidence) <= 1) {
          e.kind = 'organization';
          e.evidence = `expanded by (${a})`;
        }
      }
    }
    const exp = EXPANSION_AFTER.exec(after);
    if (exp !== null && ALL_CAPS.test(e.text)) {
      const next = mentions[i + 1];
      if (
        next !== undefined &&
        next.start > e.end &&
        next.start < e.end + (exp[0].length as number)
      )
        acronyms.set(e.text, next);
    }
  }
  // Acronyms not defined in parentheses: match the initials of a longer name in the article.
  const longNames = mentions
    .filter((e) => e.kind !== 'person' && e.name.includes(' '))
    .map((e) => ({ e, a: initials(e.name), b: initials(e.text) }));
  for (const e of mentions) {
    if (!ALL_CAPS.test(e.text) || e.text.length < 2 || e.name !== e.text) continue;
    const def = acronyms.get(e.text);
    if (def !== undefined) {
      e.name = def.name;
      e.kind = def.kind === 'person' ? 'organization' : def.kind;
      e.evidence = `acronym of ${def.name}`;
      continue;
    }
    const bare = e.text.replace(/\./g, '');
    const target = longNames.find((l) => l.a === bare || l.b === bare)?.e;
    if (target !== undefined) {
      e.name = target.name;
      e.kind = target.kind;
      e.evidence = `acronym of ${target.name}`;
    }
  }

  // 2. People: a single word that is the surname of a full name in the article.
  const fullNames = mentions.filter((e) => e.kind === 'person' && e.name.trim().includes(' '));
  const bySurname = new Map<string, Entity[]>();
  for (const f of fullNames) {
    const s = lastWord(f.name);
    const list = bySurname.get(s);
    if (list === undefined) bySurname.set(s, [f]);
    else list.push(f);
  }
  for (const e of mentions) {
    if (e.text.includes(' ')) continue;
    const candidates = bySurname.get(foldQuotes(e.text));
    if (candidates === undefined) continue;
    // A gazetteer organisation or place keeps its kind, and so does a word
    // whose own words make it a place ("Aceh province" beside "Banda
    // Aceh"). City names are also surnames often enough ("Paris",
    // "Lincoln") to give way, and so do guesses from the words around
    // ("Born in Nashville, Page left ...") or from the word's shape ("LaRue").
    if (
      e.kind !== 'person' &&
      e.evidence !== 'gazetteer:city' &&
      (e.evidence?.startsWith('gazetteer:') ||
        (e.kind === 'place' && OWN_PLACE_CUE.test(e.evidence ?? '')))
    )
      continue;
    const before = candidates.filter((c) => c.start < e.start);
    const pick = before.length > 0 ? before[before.length - 1] : candidates[0];
    if (pick === undefined || pick === e) continue;
    e.kind = 'person';
    e.name = pick.name;
    e.evidence = `surname of ${pick.name}`;
  }

  // 2b. Places and organisations: a single word that is a longer name
  // without the word that made it one ("Calder" after "Calder Terminal",
  // "Sollen" after "Port Sollen") is that name, unless something about the
  // word itself says otherwise (only a guess made it a person).
  const byShortForm = new Map<string, Entity>();
  for (const f of mentions) {
    if (f.kind === 'person' || f.evidence === undefined) continue;
    const parts = f.text.split(/\s+/);
    if (parts.length !== 2) continue;
    const short = f.evidence.startsWith('suffix:')
      ? parts[0]
      : f.evidence.startsWith('prefix:')
        ? parts[1]
        : undefined;
    if (short !== undefined && !byShortForm.has(foldQuotes(short)))
      byShortForm.set(foldQuotes(short), f);
  }
  for (const e of mentions) {
    if (e.text.includes(' ') || (e.evidence !== 'default' && e.evidence !== 'speech-verb'))
      continue;
    const long = byShortForm.get(foldQuotes(e.text));
    if (long === undefined) continue;
    e.kind = long.kind;
    e.name = long.name;
    e.evidence = `short for ${long.name}`;
  }

  // 3. Later mentions the recognizer missed: known names and surnames on token boundaries.
  const forms = new Map<string, Entity>();
  for (const e of mentions) {
    const form = foldQuotes(e.text);
    if (form.length >= 3 && /^\p{Lu}/u.test(form) && !forms.has(form)) forms.set(form, e);
    if (e.kind === 'person' && e.name.includes(' ')) {
      const s = lastWord(e.name);
      if (s.length >= 3 && /^\p{Lu}/u.test(s) && !forms.has(s)) forms.set(s, e);
    }
  }
  if (forms.size > 0) {
    const index = buildPhraseIndex(forms);
    const covered = coverage(mentions, text.length);
    const found: Entity[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Span;
      // Every form starts with a capital letter.
      if (covered[t.start] === 1 || !/^\p{Lu}/u.test(folded[t.start] ?? '')) continue;
      const m = index.match(folded, tokens, i);
      if (m === null) continue;
      let free = true;
      for (let c = t.start; c < m.end; c++) if (covered[c] === 1) free = false;
      if (!free || NON_NAMES.match(folded, tokens, i) !== null) continue;
      const src = m.payload;
      found.push({
        start: t.start,
        end: m.end,
        kind: src.kind,
        text: text.slice(t.start, m.end),
        name: src.name,
        evidence: `same name as at ${src.start}`,
      });
      i = m.endToken - 1;
    }
    if (found.length > 0) mentions = dedupe([...mentions, ...found]);
  }

  // 4. Nominals that refer back to an organisation.
  const types = new Map<Entity, string>();
  for (const e of mentions) {
    const next = folded.charCodeAt(e.end);
    // Only "X, a …" and "X (ABC), a …" can be appositions.
    if (next !== 44 && next !== 40 && next !== 32) continue;
    const m = APPOSITION.exec(folded.slice(e.end, e.end + 120));
    if (m !== null && e.kind === 'organization') types.set(e, (m[2] as string).toLowerCase());
  }
  const covered = coverage(mentions, text.length);
  const nominals: Entity[] = [];
  NOMINAL.lastIndex = 0;
  for (let m = NOMINAL.exec(folded); m !== null; m = NOMINAL.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered[start] === 1 || covered[end - 1] === 1) continue;
    // "the alliance's", fine; "the Alliance for Progress" is a name of its own.
    if (
      /^\s+(?:of\s+)?\p{Lu}/u.test(folded.slice(end, end + 6)) &&
      !/^\s+of\s/.test(folded.slice(end, end + 5))
    )
      continue;
    // An appositive ("the CSTO, a military alliance") describes, not refers.
    if (/,\s*(?:a|an)\s+(?:[\p{L}-]+\s+){0,4}$/u.test(folded.slice(Math.max(0, start - 60), start)))
      continue;
    const noun = (m[1] as string).toLowerCase().replace(/\s+/g, ' ');
    const rule = NOMINALS[noun];
    if (rule === undefined) continue;
    let antecedent: Entity | undefined;
    for (let k = mentions.length - 1; k >= 0; k--) {
      const c = mentions[k] as Entity;
      if (c.end > start) continue;
      if (start - c.end > NOMINAL_REACH) break;
      if (c.kind !== 'organization') continue;
      const group = c.evidence?.startsWith('gazetteer:')
        ? c.evidence.slice('gazetteer:'.length)
        : '';
      const fits =
        rule.groups.includes(group) ||
        rule.lastWords.includes(lastWord(c.name)) ||
        types.get(c) === noun ||
        noun === 'organization' ||
        noun === 'organisation';
      if (fits) {
        antecedent = c;
        break;
      }
    }
    if (antecedent === undefined) continue;
    nominals.push({
      start,
      end,
      kind: 'organization',
      text: text.slice(start, end),
      name: antecedent.name,
      evidence: `refers back to ${antecedent.name} at ${antecedent.start}`,
    });
  }
  if (nominals.length > 0) mentions = dedupe([...mentions, ...nominals]);

  // 5. One kind per name: the kind its best-evidenced mentions have. A
  // mention whose kind was copied from another (a surname, a repeat) is no
  // evidence of its own, unless the name has nothing else.
  const best = new Map<string, { kind: EntityKind; score: number }>();
  for (const e of mentions) {
    const s = DERIVED.test(e.evidence ?? '') ? 0 : strength(e.evidence);
    const cur = best.get(e.name);
    if (cur === undefined || s > cur.score) best.set(e.name, { kind: e.kind, score: s });
  }
  for (const e of mentions) e.kind = best.get(e.name)?.kind ?? e.kind;
  return mentions;
}

/** Sort by position and drop mentions overlapping an earlier, longer one. */
function dedupe(list: Entity[]): Entity[] {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Entity[] = [];
  for (const e of list) {
    const last = out[out.length - 1];
    if (last !== undefined && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}

function coverage(list: readonly Entity[], length: number): Uint8Array {
  const c = new Uint8Array(length + 1);
  for (const e of list) c.fill(1, e.start, e.end);
  return c;
}
