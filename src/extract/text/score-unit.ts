import type { RemovalReason } from '../../model/article.ts';
import type { UnitFeatures } from './features.ts';
import {
  FRAGMENT_BONUS,
  PROSE_PENALTY,
  REMOVE_SCORE,
  STRONG,
  UNIT_RULES,
  type UnitRule,
} from './rules.ts';

/** The classifier's verdict on one unit from its own text. */
export interface UnitScore {
  /** The reason with the highest score. */
  reason: RemovalReason;
  score: number;
  /** Names of the rules that fired for that reason, strongest first. */
  rules: string[];
  /** Explanation for `RemovedBlock.detail`. */
  detail: string;
  /** True when the score reaches `REMOVE_SCORE`. */
  remove: boolean;
  /**
   * True when a rule of `STRONG` weight fired for `reason`: the words alone
   * say what the unit is, whatever the markup around it says.
   */
  strong: boolean;
}

/**
 * Score a unit against the named rules: per reason, the weights of the
 * rules that fire are summed, `FRAGMENT_BONUS` is added for a unit that is
 * neither prose nor ends like a sentence, and `PROSE_PENALTY` is taken off
 * prose. Returns the best reason, or null when no rule fired.
 *
 * @example scoreUnit(unitFeatures('Loading...'))?.reason // 'placeholder'
 */
export function scoreUnit(
  unit: UnitFeatures,
  rules: readonly UnitRule[] = UNIT_RULES,
): UnitScore | null {
  const fired = new Map<RemovalReason, UnitRule[]>();
  for (const rule of rules) {
    if (!rule.test(unit)) continue;
    const list = fired.get(rule.reason);
    if (list) list.push(rule);
    else fired.set(rule.reason, [rule]);
  }
  if (fired.size === 0) return null;
  const adjust = unit.prose ? -PROSE_PENALTY : unit.terminal ? 0 : FRAGMENT_BONUS;
  let best: UnitScore | null = null;
  // Map order is the order reasons first fired, which is rule order: ties
  // go to the rule listed first.
  for (const [reason, list] of fired) {
    const score = list.reduce((sum, r) => sum + r.weight, 0) + adjust;
    if (best !== null && score <= best.score) continue;
    const sorted = [...list].sort((a, b) => b.weight - a.weight);
    const top = sorted[0] as UnitRule;
    best = {
      reason,
      score,
      rules: sorted.map((r) => r.name),
      detail: `${sorted.map((r) => r.name).join(' + ')}: ${top.explain}`,
      remove: score >= REMOVE_SCORE,
      strong: top.weight >= STRONG,
    };
  }
  return best;
}
