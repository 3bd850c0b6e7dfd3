/**
 * load/: inputs in, a Dataset out. Detects each input's format, reads it into one builder
 * (several files make one dataset, of one platform or several), reads the member file, and
 * finishes the dataset.
 *
 * An input is a file (or stdin) or a container (a zip archive, a folder). Compressed
 * streams (.zst, .gz) are opened on the fly; a zip becomes a container. A container is
 * first offered whole to the readers that understand several files (a Slack export); if
 * none claims it, each entry is detected and read on its own (a WhatsApp zip, a folder of
 * DiscordChatExporter files).
 */
import { InputError } from '../errors.js';
import { type Lang, msg, t } from '../i18n/index.js';
import type { Dataset } from '../model/dataset.js';
import { createDatasetBuilder } from './builder.js';
import { decompressInput, isGzip, isZstd } from './compressed.js';
import { type Container, describeEntries, isContainer, isZip, openZip } from './container.js';
import { type FormatReader, READERS, type ReadContext, type ReadOptions, readerByName } from './formats/index.js';
import { xlsxReader } from './formats/xlsx.js';
import { isMemberHeader, loadMembers } from './members.js';
import { ARCHIVE_KINDS, type BinaryKind, type Input, bufferInput, decodeHead, detectEncoding, sniffBinary } from './read.js';
import { isWorkbook, readWorkbook, sheetToCsv } from './xlsx.js';

export interface LoadOptions extends ReadOptions {
  inputFormat?: string;
  brand?: string[];
  since?: number;
  until?: number;
}

export type LoadItem = Input | Container;

/** Entries of a container worth opening to detect: data files, not photos and voice notes. */
const DATA_ENTRY = /(\.(json|jsonl|ndjson|txt|csv|tsv|xml|xlsx|zst|zstd|gz)|\/[^./]+)$/i;

export function unknownFormatError(name: string): InputError {
  return new InputError(msg('error.unknownInputFormat', { name, names: READERS.map((r) => r.name).join(', ') }));
}

export async function loadDataset(items: LoadItem[], options: LoadOptions, memberItem?: LoadItem): Promise<Dataset> {
  const builder = createDatasetBuilder();
  const forced = options.inputFormat ? readerByName(options.inputFormat) : undefined;
  if (options.inputFormat && !forced) throw unknownFormatError(options.inputFormat);
  const ctx: ReadContext = { builder, options };
  for (const item of items) await loadItem(item, forced, ctx);

  let members: Awaited<ReturnType<typeof loadMembers>> | undefined;
  let memberLabel = '';
  if (memberItem) {
    const memberInput = await memberFileOf(memberItem);
    memberLabel = memberInput.label;
    if (memberInput.head.length === 0) throw new InputError(msg('error.emptyFile', { file: memberInput.label }));
    const kind = sniffBinary(memberInput.head);
    if (kind) throw binaryError(memberInput.label, kind, options.lang);
    members = await loadMembers(memberInput);
    for (const issue of members.issues) builder.issue(issue);
    if (members.members.length === 0) builder.issue({ code: 'members-empty', file: memberInput.label });
  }
  const ds = builder.finish({
    ...(options.brand ? { brand: options.brand } : {}),
    ...(members ? { members: members.members } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
  });
  if (memberItem && members) {
    const total = members.members.length;
    const unmatched = ds.members.filter((m) => m.author === undefined && m.line > 0).length;
    if (total > 0 && unmatched === total) ds.issues.push({ code: 'members-unmatched', file: memberLabel, values: { count: unmatched, total } });
  }
  return ds;
}

/** A member list given as a CSV, or as the zip Discourse sends (one CSV inside). */
async function memberFileOf(item: LoadItem): Promise<Input> {
  const container = isContainer(item) ? item : item.head.length > 0 && isZip(item.head) ? await openZip(item) : null;
  if (!container) return item as Input;
  if (isWorkbook(container)) return workbookMembers(container);
  const csv = container.entries.find((e) => /\.(csv|tsv|txt)$/i.test(e.path));
  if (!csv) throw new InputError(msg('error.zipNoMembers', { file: container.label, found: describeEntries(container) }));
  return container.open(csv.path);
}

/** A member list kept in Excel: its first sheet with an id or name column, as CSV. */
async function workbookMembers(c: Container): Promise<Input> {
  const sheets = await readWorkbook(c);
  const converted = sheets.map((sheet) => sheetToCsv(sheet, isMemberHeader, () => undefined));
  const sheet = converted.find((s) => s.headerMatched) ?? converted[0]!;
  return bufferInput(c.label, sheet.csv);
}

async function loadItem(item: LoadItem, forced: FormatReader | undefined, ctx: ReadContext): Promise<void> {
  if (isContainer(item)) return loadContainer(item, forced, ctx);
  let input = item;
  if (input.head.length === 0) throw new InputError(msg('error.emptyFile', { file: input.label }));
  if (isZstd(input.head) || isGzip(input.head)) {
    input = await decompressInput(input);
    if (input.head.length === 0) throw new InputError(msg('error.emptyFile', { file: input.label }));
  }
  if (isZip(input.head)) return loadContainer(await openZip(input), forced, ctx);
  const reader = forced ?? detectReader(input, ctx.options.lang);
  await reader.read(input, ctx);
}

async function loadContainer(c: Container, forced: FormatReader | undefined, ctx: ReadContext): Promise<void> {
  if (forced?.readContainer && (forced.detectContainer?.(c) ?? 0) > 0) return forced.readContainer(c, ctx);
  if (!forced) {
    let best: FormatReader | null = null;
    let bestScore = 0;
    for (const r of READERS) {
      const score = r.detectContainer?.(c) ?? 0;
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    if (best?.readContainer && bestScore >= 0.5) return best.readContainer(c, ctx);
  }
  // entry by entry: each file a reader recognizes is read as its own source
  let read = 0;
  for (const entry of c.entries) {
    if (entry.size === 0 || !DATA_ENTRY.test('/' + entry.path)) continue;
    let input = await c.open(entry.path);
    if (isZstd(input.head) || isGzip(input.head)) input = await decompressInput(input);
    // a folder of Excel workbooks (a comment-export service gives one per post)
    if (isZip(input.head) && /\.xlsx$/i.test(entry.path) && (!forced || forced === xlsxReader)) {
      const workbook = await openZip(input);
      if (isWorkbook(workbook)) {
        await xlsxReader.readContainer!(workbook, ctx);
        read++;
      }
      continue;
    }
    if (sniffBinary(input.head)) continue;
    const headText = decodeHead(input.head, detectEncoding(input.head));
    const reader = forced ?? bestReader(input, headText).reader;
    const score = forced ? forced.detect(input, headText) : bestReader(input, headText).score;
    if (!reader || score < 0.5) continue;
    await reader.read(input, ctx);
    read++;
  }
  if (read === 0) {
    throw new InputError(
      msg(forced ? 'error.containerNotFormat' : 'error.containerUnknown', {
        file: c.label,
        found: describeEntries(c),
        format: forced?.name ?? '',
      }),
    );
  }
}

function bestReader(input: Input, headText: string): { reader: FormatReader | null; score: number } {
  let reader: FormatReader | null = null;
  let score = 0;
  for (const r of READERS) {
    const s = r.detect(input, headText);
    if (s > score) {
      reader = r;
      score = s;
    }
  }
  return { reader, score };
}

/** The JSON keys seen in the first bytes, to say what an unknown JSON file holds. */
function jsonKeys(headText: string): string {
  const keys = [...new Set([...headText.slice(0, 4096).matchAll(/"([^"\\]{1,40})"\s*:/g)].map((m) => m[1]!))].slice(0, 10);
  return keys.length > 0 ? keys.join(', ') : '(none)';
}

/** A file that is not text: what it looks like, named in the reader's language, and what to give instead. */
function binaryError(file: string, kind: BinaryKind, lang: Lang): InputError {
  if (kind === 'xls') return new InputError(msg('error.xlsOld', { file }));
  const key = ARCHIVE_KINDS.has(kind) ? 'error.archiveUnsupported' : 'error.binaryFile';
  return new InputError(msg(key, { file, kind: t(lang, `file.kind.${kind}`) }));
}

function detectReader(input: Input, lang: Lang): FormatReader {
  const binary = sniffBinary(input.head);
  const headText = binary ? '' : decodeHead(input.head, detectEncoding(input.head));
  const { reader, score } = bestReader(input, headText);
  if (binary && (!reader || score < 0.5)) throw binaryError(input.label, binary, lang);
  // a JSON document no reader claims is not a CSV: say what it holds instead of failing on columns
  if ((!reader || score < 0.3) && /^\s*[[{]/.test(headText)) {
    throw new InputError(msg('error.jsonUnknownShape', { file: input.label, keys: jsonKeys(headText) }));
  }
  return reader ?? READERS[0]!;
}

export { openFile, openStdin, type Input } from './read.js';
export { openPath, type Container } from './container.js';
