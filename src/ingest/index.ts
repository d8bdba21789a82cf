export { type ContentType, parseContentType } from './content-type.ts';
export { type DecodedText, type DecodeHints, decodeText } from './decode-text.ts';
export { type Compression, type Decompressed, decompress } from './decompress.ts';
export { type IngestOptions, ingest, type RawInput } from './ingest.ts';
export type { IngestResult } from './ingest-result.ts';
export { toIsoDate } from './iso-date.ts';
export {
  CHARSET_PRESCAN_BYTES,
  MAX_DECOMPRESSED_BYTES,
  MAX_DOCUMENT_BYTES,
  MAX_FEED_DEPTH,
  MAX_ITEMS_PER_CONTAINER,
  MAX_NESTING_DEPTH,
  SNIFF_BYTES,
} from './limits.ts';
export { extensionOf, type InputKind, KNOWN_EXTENSIONS, sniffFormat } from './sniff-format.ts';
