/**
 * Articles and helpers shared by the group tests (a `.case.ts` file: not a
 * test itself, and left out of the build).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../test/support/seeded-random.ts';
import { testArticle } from '../model/article.case.ts';
import type { Article } from '../model/index.ts';

/** A minimal Article around a text (paragraphs split on blank lines), with no language: group must not need one. */
export function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return testArticle(id, text, { source: `test:${id}`, language: null, ...extra });
}

/** mulberry32, a seeded PRNG for shuffles in tests. */
export const seededRandom = mulberry32;

/** Fisher-Yates shuffle with a seeded PRNG (a copy). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rand = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The repo root (the folder with package.json). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The seed articles of ../shared/seeds as Articles (id = file number), or null when missing. */
export function seedArticles(): Article[] | null {
  const dir = join(REPO_ROOT, '..', 'shared', 'seeds');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      article(f.slice(0, 3), readFileSync(join(dir, f), 'utf8'), { source: join(dir, f) }),
    );
}

/** A wire story about an earthquake in Turkey. */
export const QUAKE_TURKEY = `A magnitude 6.8 earthquake struck eastern Turkey on Friday evening, toppling buildings in the province of Elazig and killing at least 18 people, the country's disaster agency AFAD said.

The quake was centred in the town of Sivrice near Lake Hazar, at a depth of about 10 kilometres, and was felt as far away as Syria, Lebanon and Iran. Rescue teams worked through the night to pull survivors from collapsed apartment blocks.

Interior Minister Suleyman Soylu said 30 people had been rescued from the rubble in Elazig and neighbouring Malatya, and that more than 550 were injured. Hundreds of residents spent the night in tents and mosques as temperatures fell below freezing.`;

/** Another outlet's own report of the same Turkish earthquake (little shared text). */
export const QUAKE_TURKEY_OTHER = `Survivors in Elazig huddled around fires on Saturday after the deadliest earthquake to hit Turkey in years flattened homes across the province. Officials from AFAD raised the death toll to 22, with more than 1,000 injured in Elazig and Malatya.

Rescuers pulled a woman and her two-year-old daughter alive from a collapsed building in Mustafapasa 28 hours after the magnitude 6.8 quake, the state broadcaster said. President Erdogan visited Sivrice and promised that destroyed homes would be rebuilt within a year.`;

/** A wire story about a different earthquake of the same kind, in Indonesia. */
export const QUAKE_INDONESIA = `A strong magnitude 6.2 earthquake shook the Indonesian island of Sulawesi before dawn on Friday, killing at least 34 people in the West Sulawesi towns of Mamuju and Majene, the national disaster agency BNPB said.

Hospitals and a hotel collapsed in Mamuju, the provincial capital, and landslides cut the main road to Majene. The quake struck at a shallow depth of 10 kilometres, and thousands of residents fled to higher ground fearing a tsunami.

Rescue workers used excavators to search the ruins of the governor's office, where several people were believed trapped. BNPB spokesman Raditya Jati said more than 600 people were injured and 15,000 displaced.`;

/** Another outlet's own report of the Indonesian earthquake. */
export const QUAKE_INDONESIA_OTHER = `The death toll from the earthquake on Sulawesi rose to 56 on Saturday as rescuers dug through the rubble of homes and a hospital in Mamuju, BNPB officials said. The magnitude 6.2 quake left more than 800 people injured and damaged hundreds of buildings in Mamuju and Majene.

President Joko Widodo ordered the army to speed up aid to West Sulawesi, where evacuees sheltered under tarpaulins in heavy rain. Survivors in Majene said they had felt a smaller tremor hours before the main shock.`;

/** A third report of the Turkish earthquake, from its aftermath. */
export const QUAKE_TURKEY_THIRD = `Turkey ended the search for survivors in Elazig on Sunday after rescuers found the last missing resident of a collapsed block in Mustafapasa. AFAD said 41 people died in the magnitude 6.8 earthquake in Elazig and Malatya provinces, and 45 were pulled alive from the rubble.

Families who lost their homes in Sivrice were moved into student dormitories and container cities, and Erdogan said the state would pay rent for those whose houses were damaged.`;

/** A third report of the Indonesian earthquake, from its aftermath. */
export const QUAKE_INDONESIA_THIRD = `Aid began reaching villages cut off by landslides in Majene on Sunday, three days after the earthquake that killed at least 81 people on Sulawesi. BNPB said more than 19,000 residents of Mamuju and Majene were still sleeping in tents.

Widodo visited Mamuju and inspected the ruined governor's office and the Mitra Manakarra hospital, promising reconstruction funds for West Sulawesi.`;
