import assert from 'node:assert/strict';
import type fc from 'fast-check';

/** Limits a case may lower, to reach a cap with a small input (`ingest` options). */
export interface CaseLimits {
  maxItems?: number;
  maxDecompressedBytes?: number;
  maxDocumentBytes?: number;
}

/** One generated input: bytes as read from a file or URL, and what came with them. */
export interface FuzzCase {
  /** Where it came from; its extension is a format hint (`page.html`, `feed.xml.gz`). */
  location: string;
  bytes: Uint8Array;
  /** An HTTP `Content-Type` header, as a fetch would give. */
  contentType?: string;
  limits?: CaseLimits;
}

/**
 * A fuzz target: structure-aware inputs for one parser, and a check that
 * runs parallax on one of them. `check` throws when parallax throws or an
 * invariant breaks, and otherwise returns the output as JSON, which the
 * runner compares across two runs for determinism.
 */
export interface FuzzTarget {
  name: string;
  /** What it exercises, for `scripts/fuzz.ts --list`. */
  description: string;
  arbitrary: fc.Arbitrary<FuzzCase>;
  check(input: FuzzCase): Promise<string>;
  /** Release what `check` opened for all cases (a database): called once after the last case. */
  close?(): Promise<void>;
}

/**
 * Most time one case may take before it counts as a hang (a failure). Not a
 * speed goal: the inputs are a few KB to a few hundred KB, which take
 * milliseconds; this catches the quadratic and exponential blow-ups that
 * took minutes before the caps (58 s for 40 KB of Markdown emphasis, 119 s
 * for HTML nested 20,000 deep), with room for a loaded machine.
 */
export const CASE_TIME_LIMIT_MS = 30_000;

/** What running one case found: nothing (undefined), or the failure. */
export interface CaseFailure {
  kind: 'throws' | 'nondeterministic' | 'slow';
  message: string;
}

/**
 * Run a target on a case twice: it must not throw, must keep its
 * invariants, must give the same output both times and must finish within
 * `CASE_TIME_LIMIT_MS`. Throws an AssertionError describing the failure.
 */
export async function runCase(target: FuzzTarget, input: FuzzCase): Promise<void> {
  const failure = await findFailure(target, input);
  if (failure) assert.fail(`${target.name} ${failure.kind}: ${failure.message}`);
}

/** Like `runCase`, but returns the failure instead of throwing (for `scripts/fuzz.ts`). */
export async function findFailure(
  target: FuzzTarget,
  input: FuzzCase,
): Promise<CaseFailure | undefined> {
  const started = performance.now();
  let first: string;
  let second: string;
  try {
    first = await target.check(input);
    second = await target.check(input);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { kind: 'throws', message };
  }
  const elapsed = performance.now() - started;
  if (first !== second) {
    return { kind: 'nondeterministic', message: firstDifference(first, second) };
  }
  if (elapsed > CASE_TIME_LIMIT_MS) {
    return {
      kind: 'slow',
      message: `two runs took ${Math.round(elapsed)} ms (limit ${CASE_TIME_LIMIT_MS} ms)`,
    };
  }
  return undefined;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `outputs differ at character ${i}: …${a.slice(Math.max(0, i - 60), i + 60)}… vs …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

/** One piece of a stored case's bytes: text (UTF-8) or base64, repeated `times` times. */
export interface StoredPart {
  text?: string;
  base64?: string;
  times?: number;
}

/** A regression case as stored in `test/fuzz/regressions/<target>/<name>.json`. */
export interface StoredCase {
  /** What went wrong before the fix, and which fix. */
  note: string;
  location: string;
  /** The bytes, concatenated from parts (so a 5 MB input can be stored as one line repeated). */
  parts: StoredPart[];
  contentType?: string;
  limits?: CaseLimits;
}

/** Rebuild a case from its stored form. */
export function fromStored(stored: StoredCase): FuzzCase {
  const chunks = stored.parts.map((part) => {
    const one =
      part.base64 !== undefined
        ? Buffer.from(part.base64, 'base64')
        : Buffer.from(part.text ?? '', 'utf8');
    return part.times === undefined ? one : Buffer.concat(new Array(part.times).fill(one));
  });
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const input: FuzzCase = { location: stored.location, bytes };
  if (stored.contentType !== undefined) input.contentType = stored.contentType;
  if (stored.limits !== undefined) input.limits = stored.limits;
  return input;
}

/** Store a case found by fuzzing: valid UTF-8 as text, anything else as base64. */
export function toStored(input: FuzzCase, note: string): StoredCase {
  let part: StoredPart;
  try {
    part = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input.bytes) };
  } catch {
    part = { base64: Buffer.from(input.bytes).toString('base64') };
  }
  const stored: StoredCase = { note, location: input.location, parts: [part] };
  if (input.contentType !== undefined) stored.contentType = input.contentType;
  if (input.limits !== undefined) stored.limits = input.limits;
  return stored;
}
