import { hashHex } from '../text/hash.ts';

/** Stable story id: hash of the sorted member article ids (same members, same id). */
export function storyId(articleIds: readonly string[]): string {
  return `s${hashHex(`story\n${[...articleIds].sort(compareIds).join('\n')}`)}`;
}

/** Stable topic id: hash of the sorted story ids. */
export function topicId(storyIds: readonly string[]): string {
  return `t${hashHex(`topic\n${[...storyIds].sort(compareIds).join('\n')}`)}`;
}

/** Code-unit order of ids (the order of `Relation.a < Relation.b`). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
