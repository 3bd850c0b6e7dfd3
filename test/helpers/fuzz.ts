/**
 * What the fuzz tests feed the readers and the command line: arbitrary bytes, and
 * CSV-shaped text that looks like an export (known headers, dates, quotes, delimiters,
 * hostile cells) in the encodings exports come in, cut into arbitrary chunks.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { HEAD_BYTES, type Input } from '../../src/load/read.js';

/** Runs and seed: a fixed seed keeps CI reproducible; FUZZ_RUNS=5000 FUZZ_SEED=<n> explores further. */
export function fuzzParameters(runs: number): { numRuns: number; seed?: number } {
  const numRuns = Number(process.env.FUZZ_RUNS ?? runs);
  const seed = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20250601);
  return seed === undefined ? { numRuns } : { numRuns, seed };
}

/** An in-memory input whose bytes arrive in the given chunk sizes (chunk boundaries are where decoders break). */
export function memoryInput(bytes: Uint8Array, chunkSizes: number[] = [], label = 'fuzz.csv'): Input {
  const buf = Buffer.from(bytes);
  return {
    label,
    path: null,
    head: buf.subarray(0, HEAD_BYTES),
    size: buf.length,
    async *bytes() {
      let at = 0;
      let i = 0;
      while (at < buf.length) {
        const n = Math.max(1, chunkSizes.length > 0 ? chunkSizes[i++ % chunkSizes.length]! : buf.length);
        yield buf.subarray(at, at + n);
        at += n;
      }
    },
  };
}

const HEADERS = ['id', 'author', 'auteur', 'date', 'created_at', 'text', 'commentaire', 'parent_id', 'post id', 'likes', 'platform', 'channel', 'role', 'author id', '__proto__', 'constructor', 'text', '', 'Nom', 'J’aime', 'email', 'phone'];

const hostileCell = fc.constantFrom(
  '=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '<script>alert(1)</script>', '\u001b[2J', '\u202eevil', 'a\u200bb', '\u0000',
  '__proto__', 'constructor', 'jean@exemple.fr', '+33 6 12 34 56 78', '"', '""', '"unclosed', '\r', '\n', '\r\n', ';', ',', '\t', '|', '1970-01-01', '2100-01-01',
  '99999999999999999', '1e308', '-1', 'NaN', '31/02/2025', '2025-02-30', '12/13/2025 10:00 PM', '07/01/2025 12:35', '1736164800.000001', '0', 'U01', '@U01 merci', '😀', 'é', '\ufffd', ' ',
);
const dateCell = fc.oneof(
  fc.date({ min: new Date('1960-01-01'), max: new Date('2150-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()} 10:00`),
  fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
);
const cell = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 2, arbitrary: hostileCell }, { weight: 2, arbitrary: dateCell }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) }, { weight: 1, arbitrary: fc.nat(30).map(String) });

function quote(v: string, delimiter: string, always: boolean): string {
  return always || v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Text shaped like a comment export; sometimes broken on purpose (a cell left raw, a quote not escaped). */
export const csvText = fc
  .record({
    header: fc.array(fc.oneof(fc.constantFrom(...HEADERS), fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 9 }),
    rows: fc.array(fc.array(cell, { maxLength: 11 }), { maxLength: 25 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    quoting: fc.constantFrom('needed', 'always', 'raw'),
    bom: fc.boolean(),
  })
  .map(({ header, rows, delimiter, eol, quoting, bom }) => {
    const line = (cells: string[]) => cells.map((c) => (quoting === 'raw' ? c : quote(c, delimiter, quoting === 'always'))).join(delimiter);
    return (bom ? '\ufeff' : '') + [line(header), ...rows.map(line)].join(eol) + eol;
  });

const COLUMNS = ['id', 'parent_id', 'post id', 'likes', 'platform', 'channel', 'role', 'author id'];
const AUTHORS = ['Léa Martin', 'marie_k', 'jojo75', 'atelier.lune', '__proto__', '\u001b[2Jmallory', 'Al\u200bice', 'jean@exemple.fr', '=cmd|calc', '<b>bob</b>', 'U01', ''];

/** Text that is an export, mostly well formed: the three needed columns, authors that come back, real dates, replies. */
export const exportCsv = fc
  .record({
    extra: fc.subarray(COLUMNS),
    order: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
    rows: fc.array(
      fc.record({
        author: fc.constantFrom(...AUTHORS),
        date: dateCell,
        text: fc.oneof(fc.string({ maxLength: 40 }), hostileCell, fc.constantFrom('@marie_k merci !', 'Qui sait ? écrivez à a@b.fr', '+33 6 12 34 56 78')),
        other: fc.array(cell, { minLength: 8, maxLength: 8 }),
        parent: fc.nat(40),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    delimiter: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ extra, order, rows, delimiter, eol }) => {
    const header = ['author', 'date', 'text', ...extra];
    const perm = header.map((h, i) => ({ h, k: order[i] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.h);
    const lines = [perm.join(delimiter)];
    rows.forEach((r, i) => {
      const value: Record<string, string> = { author: r.author, date: r.date, text: r.text, id: String(i + 1), parent_id: r.parent <= i && r.parent > 0 ? String(r.parent) : '' };
      extra.forEach((c, j) => (value[c] ??= r.other[j]!));
      lines.push(perm.map((h) => quote(value[h] ?? '', delimiter, false)).join(delimiter));
    });
    return lines.join(eol) + eol;
  });

/** A zip of an export (as platforms ship them), sometimes cut short or with a byte changed: archive readers get fuzzed too. */
export const zipBytes = fc
  .record({ csv: exportCsv, name: fc.constantFrom('comments.csv', 'messages/c123/messages.json', '../../evil.csv', 'Chat WhatsApp.txt'), cut: fc.option(fc.nat(), { nil: undefined }), flip: fc.option(fc.nat(), { nil: undefined }) })
  .map(({ csv, name, cut, flip }) => {
    const zip = Buffer.from(zipSync({ [name]: new Uint8Array(Buffer.from(csv, 'utf8')) }));
    if (flip !== undefined) zip[flip % zip.length] = zip[flip % zip.length]! ^ 0xff;
    return new Uint8Array(cut !== undefined ? zip.subarray(0, cut % zip.length) : zip);
  });

/**
 * Every export file of fixtures/ (CSV, JSON, chat text, XML, zips: whatever formats the
 * project reads by the time the test runs), as seeds for mutation: the shortest way to reach
 * deep into each reader with inputs that are almost right.
 */
export const SEEDS: { file: string; bytes: Buffer }[] = (() => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
  return walk(root)
    .filter((f) => !/\.(ts|js|md)$/.test(f) && statSync(f).size <= 512 * 1024)
    .sort()
    .map((file) => ({ file, bytes: readFileSync(file) }));
})();

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(hostileCell, fc.string({ maxLength: 20 }), fc.constantFrom('"', '{', '}', '[', ']', ',', '\n', '<', '>', '\u0000', 'null', '-1', '1e400')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 2, max: 5 }) }),
);

type Mutation = { kind: string; at: number; byte?: number; text?: string; length?: number; times?: number };

function mutate(bytes: Buffer, m: Mutation): Buffer {
  if (bytes.length === 0) return bytes;
  const at = m.at % bytes.length;
  switch (m.kind) {
    case 'cut':
      return bytes.subarray(0, at);
    case 'flip': {
      const b = Buffer.from(bytes);
      b[at] = m.byte!;
      return b;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text!, 'utf8'), bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length!)]);
    default: {
      const piece = bytes.subarray(at, at + m.length!);
      return Buffer.concat([bytes.subarray(0, at), ...Array.from({ length: m.times! }, () => piece), bytes.subarray(at + m.length!)]);
    }
  }
}

/** A fixture file with a few mutations: cut, a byte changed, text inserted, a range deleted or repeated. */
export function mutatedSeed(seeds: readonly { bytes: Buffer }[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { maxLength: 3 })).map(([seed, ms]) => new Uint8Array(ms.reduce((b, m) => mutate(b, m), seed.bytes)));
}

/** CSV-shaped text in the encodings exports come in, zips of it, fixtures mutated, or arbitrary bytes. */
export const exportBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: exportCsv.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))) },
  { weight: 1, arbitrary: exportCsv.map((s) => new Uint8Array(iconv.encode(s, 'windows-1252'))) },
  { weight: 3, arbitrary: csvText.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))) },
  { weight: 1, arbitrary: csvText.map((s) => new Uint8Array(iconv.encode(s, 'windows-1252'))) },
  { weight: 1, arbitrary: csvText.map((s) => new Uint8Array(iconv.encode(s, 'utf-16le', { addBOM: true }))) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
  { weight: 1, arbitrary: zipBytes },
  { weight: 3, arbitrary: mutatedSeed(SEEDS) },
  // a valid start, then garbage: a truncated or corrupted download
  { weight: 1, arbitrary: fc.tuple(csvText, fc.uint8Array({ maxLength: 512 })).map(([s, junk]) => new Uint8Array(Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from(junk)]))) },
);

export const chunkSizes = fc.array(fc.integer({ min: 1, max: 97 }), { maxLength: 5 });

/** Rejects when `promise` does not settle in time: an endless loop or a stream that never ends. */
export function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
