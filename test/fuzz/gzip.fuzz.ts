import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { htmlPage } from './html.fuzz.ts';
import { ingestAndExtract } from './invariants.ts';
import { applyMutations, mutation, paragraph, sometimes } from './mutate.ts';

/** How a gzip stream's header, trailer or members are damaged. */
type GzipDamage =
  | 'none'
  | 'flags-extra'
  | 'flags-name'
  | 'flags-comment'
  | 'flags-hcrc'
  | 'method'
  | 'crc'
  | 'size'
  | 'truncated-header'
  | 'truncated-body'
  | 'trailing-garbage'
  | 'two-members'
  | 'empty-member';

function damage(gz: Buffer, kind: GzipDamage, second: Buffer): Buffer {
  const out = Buffer.from(gz);
  switch (kind) {
    case 'none':
      return out;
    case 'flags-extra':
      // FEXTRA set: the next two bytes (the start of the deflate data) are read as a bogus length.
      out[3] = (out[3] ?? 0) | 0x04;
      return out;
    case 'flags-name':
      out[3] = (out[3] ?? 0) | 0x08;
      return out;
    case 'flags-comment':
      out[3] = (out[3] ?? 0) | 0x10;
      return out;
    case 'flags-hcrc':
      out[3] = (out[3] ?? 0) | 0x02;
      return out;
    case 'method':
      out[2] = 0x07;
      return out;
    case 'crc':
      out[out.length - 8] = (out[out.length - 8] ?? 0) ^ 0xff;
      return out;
    case 'size':
      out[out.length - 1] = (out[out.length - 1] ?? 0) ^ 0x7f;
      return out;
    case 'truncated-header':
      return out.subarray(0, 6);
    case 'truncated-body':
      return out.subarray(0, Math.max(11, Math.floor(out.length / 2)));
    case 'trailing-garbage':
      return Buffer.concat([out, Buffer.from('garbage after the stream \u0000\u0001')]);
    case 'two-members':
      return Buffer.concat([out, second]);
    case 'empty-member':
      return Buffer.concat([gzipSync(Buffer.alloc(0)), out]);
  }
}

const inner = fc.oneof(
  htmlPage.map((page) => ({ name: 'page.html', text: page })),
  paragraph.map((text) => ({ name: 'story.txt', text })),
  paragraph.map((text) => ({ name: 'story.md', text: `# Title\n\n${text}` })),
);

/**
 * Gzip files: a page, story or Markdown file compressed, its header,
 * trailer or members damaged; sometimes a small bomb against a lowered
 * decompression cap, sometimes gzip inside gzip.
 */
export const gzipCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    doc: inner,
    kind: fc.constantFrom<GzipDamage>(
      'none',
      'none',
      'flags-extra',
      'flags-name',
      'flags-comment',
      'flags-hcrc',
      'method',
      'crc',
      'size',
      'truncated-header',
      'truncated-body',
      'trailing-garbage',
      'two-members',
      'empty-member',
    ),
    mutations: fc.array(mutation(['\u001f\u008b\u0008', '\u0000\u0000\u0000\u0000']), {
      maxLength: 2,
    }),
    bomb: sometimes(fc.integer({ min: 1, max: 20 }), 6),
    twice: fc.boolean(),
  })
  .map(({ doc, kind, mutations, bomb, twice }) => {
    if (bomb !== undefined) {
      // A small bomb: a million spaces against a cap of `bomb` KB.
      const bytes = new Uint8Array(gzipSync(Buffer.alloc(1_000_000, 0x20)));
      return { location: 'bomb.txt.gz', bytes, limits: { maxDecompressedBytes: bomb * 1024 } };
    }
    const once = gzipSync(Buffer.from(doc.text));
    const gz = twice ? gzipSync(once) : once;
    const second = gzipSync(Buffer.from(' More text in a second member.'));
    const bytes = applyMutations(new Uint8Array(damage(gz, kind, second)), mutations);
    return { location: `${doc.name}.gz${twice ? '.gz' : ''}`, bytes };
  });

/** Gzip streams through ingest's capped decompression, and what they hold through extract. */
export const gzipTarget: FuzzTarget = {
  name: 'gzip',
  description:
    'gzip files (bogus header flags and method, bad CRC and size, cut streams, extra members, trailing garbage, bombs, gzip in gzip) through ingest and extract',
  arbitrary: gzipCase,
  check: ingestAndExtract,
};
