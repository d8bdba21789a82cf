// Test support (not part of the public API): builds WARC/1.1 records byte by byte, as crawlers write them.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** An HTTP/1.1 response message: status line, headers, blank line, body. */
export function httpResponse(
  headers: Record<string, string>,
  body: Uint8Array | string,
  status = '200 OK',
): Buffer {
  const head = [
    `HTTP/1.1 ${status}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]);
}

/** One WARC record: WARC/1.1 header block, the content block, and the two CRLFs that end a record. */
export function warcRecord(
  type: string,
  id: string,
  headers: Record<string, string>,
  block: Uint8Array | string,
): Buffer {
  const content = Buffer.from(block);
  const digest = `sha1:${createHash('sha1').update(content).digest('hex')}`;
  const lines = [
    'WARC/1.1',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${id}>`,
    'WARC-Date: 2021-08-24T10:20:00Z',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `WARC-Block-Digest: ${digest}`,
    `Content-Length: ${content.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(lines, 'latin1'), content, Buffer.from('\r\n\r\n')]);
}

/** A WARC.gz as real crawls write it: each record its own gzip member. */
export function gzipPerRecord(records: Buffer[]): Buffer {
  return Buffer.concat(records.map((record) => gzipSync(record)));
}
