/**
 * Compare strings by UTF-16 code units: the same order on every machine
 * (`localeCompare` depends on the ICU locale), as stable ids need.
 */
export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
