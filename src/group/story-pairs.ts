/** Candidate pairs of the stories too large for every pair, by story, in the order added. */
export interface StoryPairs {
  add(story: number, i: number, j: number, pre: number): void;
  /** Group the pairs by story (call once, after the last add). */
  finish(): void;
  /** A story's pairs as [i, j, pre]. */
  of(story: number): Iterable<readonly [number, number, number]>;
}

/** Create an empty `StoryPairs` for `storyCount` stories. */
export function createStoryPairs(storyCount: number): StoryPairs {
  let story = new Int32Array(1024);
  let first = new Int32Array(1024);
  let second = new Int32Array(1024);
  let pre = new Float64Array(1024);
  let count = 0;
  const start = new Int32Array(storyCount + 1);
  let order = new Int32Array(0);
  return {
    add(s, i, j, p) {
      if (count === story.length) {
        story = grow(story, new Int32Array(count * 2));
        first = grow(first, new Int32Array(count * 2));
        second = grow(second, new Int32Array(count * 2));
        pre = grow(pre, new Float64Array(count * 2));
      }
      story[count] = s;
      first[count] = i;
      second[count] = j;
      pre[count] = p;
      count++;
    },
    finish() {
      // A stable counting sort by story.
      for (let p = 0; p < count; p++) {
        const s = (story[p] as number) + 1;
        start[s] = (start[s] as number) + 1;
      }
      for (let s = 0; s < storyCount; s++) {
        start[s + 1] = (start[s + 1] as number) + (start[s] as number);
      }
      const fill = start.slice(0, storyCount);
      order = new Int32Array(count);
      for (let p = 0; p < count; p++) {
        const s = story[p] as number;
        const at = fill[s] as number;
        order[at] = p;
        fill[s] = at + 1;
      }
    },
    *of(s) {
      for (let q = start[s] as number; q < (start[s + 1] as number); q++) {
        const p = order[q] as number;
        yield [first[p] as number, second[p] as number, pre[p] as number] as const;
      }
    },
  };
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
