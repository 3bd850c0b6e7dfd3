import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeEntryPath, openZip } from '../../src/load/container.js';
import { openFile } from '../../src/load/read.js';
import { FIXTURES, inputError as error, load } from '../helpers/load.js';

const TMP = fileURLToPath(new URL('../.tmp/container/', import.meta.url));
const CHAT = '12/07/2017, 22:35 - Ana: Hello\n12/07/2017, 22:40 - Bo: Hi Ana\n';

beforeAll(() => {
  mkdirSync(TMP, { recursive: true });
  // entries that try to leave the archive, beside a real chat
  writeFileSync(join(TMP, 'odd-paths.zip'), zipSync({ '../escape.txt': strToU8(CHAT), '/abs/chat.txt': strToU8(CHAT), '__MACOSX/._chat.txt': strToU8('x'), 'WhatsApp Chat/_chat.txt': strToU8(CHAT) }));
  writeFileSync(join(TMP, 'nothing-known.zip'), zipSync({ 'photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'notes.md': strToU8('# notes\n') }));
  const slack = readFileSync(join(FIXTURES, 'slack', 'lumen-early-users.zip'));
  writeFileSync(join(TMP, 'truncated.zip'), slack.subarray(0, Math.floor(slack.length / 2)));
  writeFileSync(join(TMP, 'export.json'), slack); // a zip renamed .json: read by its content
  writeFileSync(join(TMP, 'archive.zip'), Buffer.concat([Buffer.from('Rar!\x1a\x07\x00', 'latin1'), Buffer.alloc(100)]));
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('containers', () => {
  it.each([
    ['../escape.txt', false],
    ['/abs/chat.txt', false],
    ['C:/Users/chat.txt', false],
    ['a\\..\\b.txt', false],
    ['__MACOSX/._chat.txt', false],
    ['dir/.hidden', false],
    ['general/2025-01-06.json', true],
  ])('entry path %s is safe: %s', (path, safe) => {
    expect(isSafeEntryPath(path)).toBe(safe);
  });

  it('lists only safe entries of a zip and reads the chat inside', async () => {
    const zip = await openZip(await openFile(join(TMP, 'odd-paths.zip')));
    expect(zip.entries.map((e) => e.path)).toEqual(['WhatsApp Chat/_chat.txt']);
    const ds = await load([join(TMP, 'odd-paths.zip')]);
    expect(ds.messages.count).toBe(2);
    expect(ds.sources[0]!.file).toBe(join(TMP, 'odd-paths.zip') + '/WhatsApp Chat/_chat.txt');
  });

  it('says what a zip holds when it holds no known export', async () => {
    const e = await error(load([join(TMP, 'nothing-known.zip')]));
    expect(e.code).toBe('error.containerUnknown');
    expect(e.ref.values?.found).toBe('notes.md, photo.jpg');
  });

  it('says a truncated zip is cut short or damaged', async () => {
    const e = await error(load([join(TMP, 'truncated.zip')]));
    expect(e.code).toBe('error.zipDamaged');
  });

  it('reads a renamed zip by its content', async () => {
    const ds = await load([join(TMP, 'export.json')]);
    expect(ds.sources[0]!.format).toBe('slack');
  });

  it('names an archive it does not open', async () => {
    const e = await error(load([join(TMP, 'archive.zip')]));
    expect(e.code).toBe('error.archiveUnsupported');
    expect(e.ref.values?.kind).toBe('a RAR archive');
    const fr = await error(load([join(TMP, 'archive.zip')], { lang: 'fr' }));
    expect(fr.ref.values?.kind).toBe('une archive RAR');
  });

  it('refuses a forced format that the files do not fit, and an unknown one', async () => {
    expect((await error(load([join(TMP, 'nothing-known.zip')], { inputFormat: 'whatsapp' }))).code).toBe('error.containerNotFormat');
    expect((await error(load([join(TMP, 'odd-paths.zip')], { inputFormat: 'myspace' }))).code).toBe('error.unknownInputFormat');
  });
});
