/**
 * English function words and news filler ("said", "told", weekdays) that
 * carry no topic. Used to pick content words and to keep sentence-initial
 * capitals ("The", "After") out of named entities. Other languages rely on
 * document frequency alone (their frequent words get a low IDF).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after again against ago all almost along already also although always am
among an and another any anyone anything are around as at away back be became because become been
before being below between both but by can cannot could did do does doing done down during each
either else even ever every few for from further get gets got had has have having he her here hers
herself him himself his how however i if in including into is it its itself just last later least
less like made make many may me might more most much must my myself near neither never new next no
nor not now of off often on once one only onto or other others our ours ourselves out over own per
perhaps put rather said same say says see seen several she should since so some still such than that
the their theirs them themselves then there these they this those though through thus to told too
toward towards two under until up upon us very via was we well were what whatever when where whether
which while who whom whose why will with within without would yet you your yours yourself
yourselves mr mrs ms dr according also s t monday tuesday wednesday thursday friday saturday sunday
today yesterday tomorrow week year years time people`.split(/\s+/),
);
