/** A parsed `Content-Type` header value. */
export interface ContentType {
  /** Lower-cased media type without parameters: `text/html`. */
  mime: string;
  /** The `charset` parameter as written, when present. */
  charset?: string;
}

const CHARSET_PARAM = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * Parse a `Content-Type` header (`text/html; charset=ISO-8859-1`).
 * Returns undefined for a missing or empty header.
 */
export function parseContentType(header: string | undefined | null): ContentType | undefined {
  if (!header) return undefined;
  const mime = (header.split(';', 1)[0] ?? '').trim().toLowerCase();
  const charset = CHARSET_PARAM.exec(header)?.[1];
  if (!mime && !charset) return undefined;
  return charset ? { mime, charset } : { mime };
}
