import type { Analysis } from '../model/index.ts';

/**
 * Characters gathered before a piece of JSON is handed on. Big enough that
 * a file or pipe gets few, large writes (64 KiB is a pipe's buffer on
 * Linux), small enough that no report is ever held whole: V8 refuses a
 * string past about 512 MB (2^29 - 24 characters), and a 250 MiB archive
 * of dense pages made a 480 MB report.
 */
export const JSON_CHUNK_CHARS = 64 * 1024;

/** Options of `jsonChunks`. */
export interface JsonChunksOptions {
  /** Characters gathered before a chunk is yielded (default `JSON_CHUNK_CHARS`). */
  chunkChars?: number;
}

/** Values `JSON.stringify` leaves out of an object and writes as `null` in an array. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** What `JSON.stringify` serialises in place of `value` (its `toJSON`, unboxed primitives). */
function toSerialised(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
    if (value instanceof Number || value instanceof String || value instanceof Boolean) {
      return value.valueOf();
    }
  }
  if (typeof value === 'bigint') {
    // The same error JSON.stringify throws.
    throw new TypeError('Do not know how to serialize a BigInt');
  }
  return value;
}

/**
 * A JSON writer that appends to a buffer and hands it on once it holds
 * `chunkChars`: the recursion below pushes pieces, the generator drains
 * them between items, so no more than about one chunk (plus the longest
 * single string value) is held at once.
 */
interface Sink {
  parts: string[];
  size: number;
}

function push(sink: Sink, text: string): void {
  sink.parts.push(text);
  sink.size += text.length;
}

/** Write one value already passed through `toSerialised` and known not to be omitted. */
function* walk(
  v: unknown,
  indent: string,
  sink: Sink,
  open: Set<object>,
  chunkChars: number,
): Generator<string> {
  if (typeof v !== 'object' || v === null) {
    // Primitives inline, not as a generator each: most values are primitives.
    push(sink, JSON.stringify(v) ?? 'null');
    return;
  }
  if (open.has(v)) throw new TypeError('Converting circular structure to JSON');
  open.add(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) push(sink, '[]');
    else {
      for (let i = 0; i < v.length; i++) {
        push(sink, `${i === 0 ? '[' : ','}\n${inner}`);
        const item = toSerialised(v[i], String(i));
        if (isOmitted(item)) push(sink, 'null');
        else if (typeof item !== 'object' || item === null)
          push(sink, JSON.stringify(item) ?? 'null');
        else yield* walk(item, inner, sink, open, chunkChars);
        if (sink.size >= chunkChars) yield flush(sink);
      }
      push(sink, `\n${indent}]`);
    }
  } else {
    let first = true;
    for (const name of Object.keys(v)) {
      const item = toSerialised((v as Record<string, unknown>)[name], name);
      if (isOmitted(item)) continue;
      push(sink, `${first ? '{' : ','}\n${inner}${JSON.stringify(name)}: `);
      first = false;
      if (typeof item !== 'object' || item === null) push(sink, JSON.stringify(item) ?? 'null');
      else yield* walk(item, inner, sink, open, chunkChars);
      if (sink.size >= chunkChars) yield flush(sink);
    }
    push(sink, first ? '{}' : `\n${indent}}`);
  }
  open.delete(v);
}

function flush(sink: Sink): string {
  const text = sink.parts.join('');
  sink.parts = [];
  sink.size = 0;
  return text;
}

/**
 * `JSON.stringify(value, null, 2)` as a sequence of strings of about
 * `chunkChars` characters each, so a report of any size can be written
 * without being held as one string. Joined, the chunks are exactly what
 * `JSON.stringify` gives (`toJSON`, omitted `undefined` and functions,
 * `null` for them in arrays, a TypeError on a cycle or a BigInt).
 *
 * @example for (const chunk of jsonChunks(analysis)) stream.write(chunk);
 */
export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string> {
  const chunkChars = options.chunkChars ?? JSON_CHUNK_CHARS;
  if (!Number.isSafeInteger(chunkChars) || chunkChars < 1) {
    throw new RangeError(`Expected options.chunkChars to be a positive integer, got ${chunkChars}`);
  }
  const root = toSerialised(value, '');
  if (isOmitted(root)) return;
  const sink: Sink = { parts: [], size: 0 };
  yield* walk(root, '', sink, new Set(), chunkChars);
  if (sink.size > 0) yield flush(sink);
}

/**
 * The JSON output (docs/json.md) as chunks: two-space indented, one
 * trailing newline. Byte-identical for identical analyses, since every
 * stage builds its objects with a fixed key order.
 */
export function* formatJsonChunks(
  analysis: Analysis,
  options: JsonChunksOptions = {},
): Generator<string> {
  yield* jsonChunks(analysis, options);
  yield '\n';
}

/**
 * The JSON output as one string (`formatJsonChunks` joined): for small
 * analyses only, since V8 caps a string at about 512 MB.
 */
export function formatJson(analysis: Analysis): string {
  return [...formatJsonChunks(analysis)].join('');
}
