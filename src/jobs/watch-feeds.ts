import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../store/store.ts';
import type { JobQueue } from './job-queue.ts';
import { WATCH_INTERVAL_SECONDS } from './limits.ts';
import { type PollOptions, type PollResult, pollFeed } from './poll-feed.ts';

/** Options of `watchFeeds`. */
export interface WatchOptions extends PollOptions {
  /** Seconds from the start of one round of polls to the next (default WATCH_INTERVAL_SECONDS). */
  intervalSeconds?: number;
  /** Poll each feed once, then resolve. */
  once?: boolean;
  /** Stops the watch (between polls, or during the wait). */
  signal?: AbortSignal;
  /** Told of every poll. */
  onPoll?: (result: PollResult) => void;
}

/**
 * Poll feeds on a schedule until `signal` aborts (or once): each round
 * polls every feed in turn (`pollFeed`: conditional requests, new items
 * queued once), then waits out the rest of the interval. Resolves to the
 * number of rounds run.
 *
 * @example
 * const controller = new AbortController();
 * await watchFeeds(['https://example.org/feed.xml'], { store, queue }, { intervalSeconds: 300, signal: controller.signal });
 */
export async function watchFeeds(
  feeds: readonly string[],
  target: { store: Store; queue: JobQueue },
  options: WatchOptions = {},
): Promise<number> {
  if (!Array.isArray(feeds) || feeds.some((f) => typeof f !== 'string')) {
    throw new TypeError(`Expected feed URLs as an array of strings, got ${JSON.stringify(feeds)}`);
  }
  const interval = options.intervalSeconds ?? WATCH_INTERVAL_SECONDS;
  if (!(interval > 0)) throw new RangeError(`Expected a positive interval, got ${interval}`);
  let rounds = 0;
  while (!options.signal?.aborted) {
    const started = performance.now();
    for (const feed of feeds) {
      if (options.signal?.aborted) break;
      options.onPoll?.(await pollFeed(feed, target, options));
    }
    rounds += 1;
    if (options.once) break;
    const wait = interval * 1000 - (performance.now() - started);
    if (wait > 0) {
      await sleep(wait, undefined, options.signal ? { signal: options.signal } : {}).catch(
        () => {},
      );
    }
  }
  return rounds;
}
