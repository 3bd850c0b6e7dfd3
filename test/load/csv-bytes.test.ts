/**
 * The generic CSV reader's byte path (fields as byte ranges, `addMessageBytes`) must build
 * the same dataset as the string path it replaced (test/helpers/csv-reference.ts: every
 * field decoded, trimmed, `addMessage`), on arbitrary files: spaces and no-break spaces
 * around values, quotes, accents and emojis, bytes that are not UTF-8, BOMs, CRLF, empty
 * cells, duplicated rows and ids, mentions, dates of every shape, likes written every way.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { t } from '../../src/i18n/index.js';
import { createDatasetBuilder } from '../../src/load/builder.js';
import { csvReader } from '../../src/load/formats/csv.js';
import { lexPoolSettings } from '../../src/load/lex-pool.js';
import type { FormatReader, ReadOptions } from '../../src/load/formats/types.js';
import { type Input, openFile } from '../../src/load/read.js';
import type { Dataset } from '../../src/model/dataset.js';
import { referenceCsvReader } from '../helpers/csv-reference.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir();

/** A cell: text, or raw bytes (Latin-1 é, a cut UTF-8 sequence) spliced into the file as they are. */
type Cell = string | Uint8Array;

const spaces = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\u202f', '\u2003', '\ufeff', '\u3000', ' \u00a0 ');
const padded = (core: fc.Arbitrary<string>) => fc.tuple(spaces, core, spaces).map(([a, v, b]) => a + v + b);
const rawBytes = fc.constantFrom(Uint8Array.of(0xe9), Uint8Array.of(0xc3), Uint8Array.of(0xe2, 0x80), Uint8Array.of(0xa0), Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xc2, 0xa0));
const withRaw = (core: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: core }, { weight: 1, arbitrary: fc.tuple(core, rawBytes, core).map(([a, r, b]) => [a, r, b] as Cell[]) });

const names = fc.constantFrom('alice', 'Alice', 'bob', 'Zoé', 'Zoe\u0301', 'Léa Martin', '名前', 'emoji😀', 'x\u200by', 'al"ice', 'Manon_O11', 'ella.bertrand58', '', ' ', 'a'.repeat(120), 'é'.repeat(110), '\u00a0', 'bot', 'Ünïcödé');
const ids = fc.constantFrom('1', '2', '3', '17800000000000021', 'é1', '', 'x'.repeat(300), 'ü'.repeat(300), '1800000000000104729', 'a"b');
const dates = fc.oneof(
  fc.constantFrom('2024-03-05T10:22:31Z', '2024-03-05T10:22:31', '2024-03-05 10:22:31', '2024-02-30T10:00:00Z', '2024-03-05', '05/03/2024 10:00', '03/05/2024 1:00 pm', '13/01/2024', '1709634151', '1709634151000', 'Jan 5, 2024 10:00 UTC', 'abc', '', '1975-01-01T00:00:00Z', '2024-03-05T10:22:31.5+02:00', '２０２４-03-05T10:22:31Z'),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19) + (d.getUTCSeconds() % 2 ? 'Z' : '')),
);
const texts = fc.oneof(
  fc.constantFrom('Hello', '@alice merci', '  @Bob Martin pareil', '@Zoé super', '@Zoe\u0301 ok', '\u00a0@léa.bonnet1 oui', '@ella.bertrand58 👋 top', '@Chen Dubois 👋🏽 love', '@x’s', '@', '@@a', '"quoted" text, with commas', 'line\nbreak', 'émoji 🔥 and @mid', '', '@' + 'a'.repeat(50) + ' b', ' '.repeat(98) + '@abc', '@a b c d e', '@Ünïcödé Nämé x', '@𝐀𝐁 math', '\u2003@space'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ maxLength: 20 }).map((s) => '@' + s),
);
const likes = fc.constantFrom('12', '0', '', '1 234', '1,2k', '1.5K', 'abc', '999999999999999999', '12345678901234567', '-3', '2e3', '\u00a012');
const platforms = fc.constantFrom('instagram', 'Instagram', 'LinkedIn', 'tiktok', 'youtube', '', 'Facebook ', 'forum');
const roles = fc.constantFrom('', 'member', 'admin', 'Modérateur', 'brand', 'yes', 'bot');

const COLUMNS = {
  id: { header: 'id', cell: withRaw(padded(ids)) },
  post: { header: 'post', cell: withRaw(padded(ids)) },
  parent: { header: 'parent_id', cell: withRaw(padded(ids)) },
  author: { header: 'author', cell: withRaw(padded(names)) },
  authorId: { header: 'author_id', cell: withRaw(padded(ids)) },
  date: { header: 'date', cell: padded(dates) },
  text: { header: 'text', cell: withRaw(texts) },
  likes: { header: 'likes', cell: padded(likes) },
  platform: { header: 'platform', cell: padded(platforms) },
  channel: { header: 'channel', cell: padded(fc.constantFrom('', 'general', 'Général')) },
  role: { header: 'role', cell: padded(roles) },
} as const;
type Column = keyof typeof COLUMNS;
const OPTIONAL: Column[] = ['id', 'post', 'parent', 'authorId', 'likes', 'platform', 'channel', 'role'];

const table = fc
  .tuple(fc.subarray(OPTIONAL), fc.boolean())
  .chain(([optional, shuffle]) => {
    const columns: Column[] = ['author', 'date', 'text', ...optional];
    const ordered = shuffle ? fc.shuffledSubarray(columns, { minLength: columns.length }) : fc.constant(columns);
    return ordered.chain((cols) =>
      fc.tuple(
        fc.constant(cols),
        fc.array(fc.tuple(...cols.map((c) => COLUMNS[c].cell as fc.Arbitrary<Cell | Cell[]>)), { minLength: 1, maxLength: 25 }),
        fc.record({ bom: fc.boolean(), crlf: fc.boolean(), quoteAll: fc.boolean(), repeat: fc.nat({ max: 3 }) }),
      ),
    );
  });

/** CSV bytes: cells quoted when they must be (or always), "" escapes, raw bytes as they are. */
function toCsv(cols: Column[], rows: (Cell | Cell[])[][], o: { bom: boolean; crlf: boolean; quoteAll: boolean; repeat: number }): Buffer {
  const nl = o.crlf ? '\r\n' : '\n';
  const parts: Buffer[] = [];
  if (o.bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  parts.push(Buffer.from(cols.map((c) => COLUMNS[c].header).join(',') + nl));
  // some rows twice: duplicate rows (dropped) and duplicate ids (kept, reported)
  const all = o.repeat > 0 ? [...rows, ...rows.slice(0, o.repeat)] : rows;
  for (const row of all) {
    row.forEach((cell, i) => {
      if (i > 0) parts.push(Buffer.from(','));
      const pieces = Array.isArray(cell) ? cell : [cell];
      const text = pieces.map((p) => (typeof p === 'string' ? p : '')).join('');
      const quote = o.quoteAll || /[",\r\n]/.test(text) || pieces.some((p) => typeof p !== 'string' && p.includes(0x22));
      if (quote) parts.push(Buffer.from('"'));
      for (const p of pieces) parts.push(typeof p === 'string' ? Buffer.from(quote ? p.replace(/"/g, '""') : p) : Buffer.from(p));
      if (quote) parts.push(Buffer.from('"'));
    });
    parts.push(Buffer.from(nl));
  }
  return Buffer.concat(parts);
}

function snapshot(ds: Dataset) {
  const m = ds.messages;
  const ids: string[] = [];
  const excerpts: string[] = [];
  for (let k = 0; k < m.count; k++) {
    ids.push(ds.messageId(k));
    excerpts.push(ds.excerpt(k));
  }
  const columns = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v]));
  return { columns, ids, excerpts, authors: ds.authors, channels: ds.channels, threads: ds.threads, members: ds.members, brand: ds.brand, period: ds.period, sources: ds.sources, issues: ds.issues };
}

async function readWith(reader: FormatReader, input: Input, options: ReadOptions): Promise<unknown> {
  const builder = createDatasetBuilder();
  try {
    await reader.read(input, { builder, options });
    return snapshot(builder.finish());
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { error: t('en', e.ref.key, e.ref.values) };
  }
}

/** The same bytes without a path: not rereadable (texts kept as eager excerpts). */
function memoryInput(bytes: Buffer): Input {
  return {
    label: 'stdin',
    path: null,
    head: bytes.subarray(0, 64 * 1024),
    size: null,
    async *bytes() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    },
  };
}

describe('the byte path of the generic CSV reader', () => {
  let n = 0;
  it('builds the same dataset as the string path, from a file and from a stream', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom<ReadOptions['dateFormat']>(undefined, 'dmy', 'mdy', 'iso'), async ([cols, rows, o], dateFormat) => {
        const bytes = toCsv(cols, rows, o);
        const path = tmp.file(`t${n++}.csv`, bytes);
        const options: ReadOptions = { map: {}, lang: 'en', ...(dateFormat ? { dateFormat } : {}) };
        expect(await readWith(csvReader, await openFile(path), options)).toEqual(await readWith(referenceCsvReader, await openFile(path), options));
        expect(await readWith(csvReader, memoryInput(bytes), options)).toEqual(await readWith(referenceCsvReader, memoryInput(bytes), options));
      }),
      { numRuns: 300 },
    );
  });

  // Large files hand each text to a worker (flags, hash, mention: answers that come later,
  // duplicate rows compared meanwhile from the bytes the batch keeps). Here every file gets a
  // pool, with batches of a few texts so that answers arrive while rows are still read; the
  // worker is the built one (vitest runs the sources, a worker thread needs JavaScript). A
  // worker that cannot start leaves the main thread to do the same work: checked too.
  it('builds the same dataset with the per-text work on a worker (or its fallback)', async () => {
    const built = new URL('../../dist/lexicon/worker.js', import.meta.url);
    expect(existsSync(built), 'dist/lexicon/worker.js: run `npm run build` first').toBe(true);
    const saved = { ...lexPoolSettings };
    try {
      lexPoolSettings.minBytes = 0;
      await fc.assert(
        fc.asyncProperty(table, fc.constantFrom(1, 2, 5, 1000), fc.boolean(), async ([cols, rows, o], batchTexts, working) => {
          const path = tmp.file(`w${n++}.csv`, toCsv(cols, rows, o));
          const options: ReadOptions = { map: {}, lang: 'en' };
          lexPoolSettings.batchTexts = batchTexts;
          lexPoolSettings.worker = working ? built : new URL('../../dist/lexicon/no-such-worker.js', import.meta.url);
          expect(await readWith(csvReader, await openFile(path), options)).toEqual(await readWith(referenceCsvReader, await openFile(path), options));
        }),
        { numRuns: 120 },
      );
    } finally {
      Object.assign(lexPoolSettings, saved);
    }
  }, 120_000);

  it('reads a forced platform and --map the same way', async () => {
    const csv = 'Pseudo,Quand,Message,Réponse à,Numéro\n Zoé ,2024-03-05T10:22:31Z,"@bob ""oui""",,1\nbob,05/03/2024 10:00,@Zoé merci,1,2\n';
    const path = tmp.file('map.csv', csv);
    const options: ReadOptions = { map: { author: 'Pseudo', date: 'Quand', text: 'Message', parent: 'Réponse à', id: 'Numéro' }, lang: 'en', platform: 'LinkedIn' };
    const got = await readWith(csvReader, await openFile(path), options);
    expect(got).toEqual(await readWith(referenceCsvReader, await openFile(path), options));
    expect((got as ReturnType<typeof snapshot>).columns.parent).toEqual([1, 0]);
  });
});
