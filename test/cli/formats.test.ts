/** The built CLI on the format fixtures, as a user runs it (run `npm run build` first; `npm test` does). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READERS } from '../../src/load/formats/index.js';
import { FIXTURES } from '../helpers/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TMP = fileURLToPath(new URL('../.tmp/cli-formats/', import.meta.url));
const SLACK_ZIP = join(FIXTURES, 'slack', 'lumen-early-users.zip');
const WHATSAPP_FR = join(FIXTURES, 'whatsapp', 'Discussion WhatsApp avec Foulées du Canal.txt');
const WHATSAPP_FR_SEASON = join(FIXTURES, 'whatsapp', 'Discussion WhatsApp avec Foulées du Canal - printemps.txt');
const DISCORD = join(FIXTURES, 'discord', 'Pixel Harbor - Playtest - general [1340000000000000001].json');
const XLSX = join(FIXTURES, 'xlsx', 'linkedin-comments.xlsx');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'community-audit.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', FORCE_COLOR: '0', LANG: 'en_US.UTF-8' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]) {
  const r = run([...args, '--format', 'json', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { verdict: { level: string; score: number }; input: { sources: { format: string }[]; platforms: { platform: string }[]; brand: { method: string; accounts: string[]; note: { text: string } | null } } };
}

/** An input error: exit 2, one sentence on stderr, never a stack trace. */
function expectInputError(r: ReturnType<typeof run>, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
}

beforeAll(() => {
  mkdirSync(TMP, { recursive: true });
  const zip = readFileSync(SLACK_ZIP);
  writeFileSync(join(TMP, 'slack-export.zip'), zip.subarray(0, 4000));
  writeFileSync(join(TMP, 'export.zip'), Buffer.concat([Buffer.from('7z\xbc\xaf\x27\x1c', 'latin1'), Buffer.alloc(64)]));
  writeFileSync(join(TMP, 'mystery.json'), JSON.stringify({ data: [{ who: 'a', what: 'b' }], version: 3 }));
  writeFileSync(join(TMP, 'cut.json'), readFileSync(DISCORD, 'utf8').slice(0, 3000));
  writeFileSync(join(TMP, 'cut.xlsx'), readFileSync(XLSX).subarray(0, 6000));
  writeFileSync(join(TMP, 'comments.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  writeFileSync(join(TMP, 'report.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(512)]));
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('community-audit formats', () => {
  it('lists every reader, what it reads and how it knows replies', () => {
    const r = run(['formats']);
    expect(r.code).toBe(0);
    for (const reader of READERS) expect(r.stdout).toMatch(new RegExp(`^  ${reader.name} `, 'm'));
    expect(r.stdout).toMatch(/^ +Replies: explicit, @mention$/m);
    expect(r.stdout).toContain('How replies are known:');
    expect(r.stdout).toMatch(/Discourse admin\s+user\s+list/);
  });

  it('speaks French with --lang fr, with no English sentence left', () => {
    const r = run(['formats', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Formats lus par community-audit');
    expect(r.stdout).toMatch(/Réponses\u202f: fil, @mention/);
    expect(r.stdout).not.toMatch(/Replies:|How replies|Member files/);
  });
});

describe('auditing real-world exports', () => {
  it('a Slack export zip: a community, the founders as the brand', () => {
    const r = json([SLACK_ZIP]);
    expect(r.input.sources.map((s) => s.format)).toEqual(['slack']);
    expect(r.input.brand.accounts.sort()).toEqual(['Priya (Lumen)', 'Sam (Lumen)']);
    expect(r.verdict.level).toBe('community');
  });

  it('a French WhatsApp export: a verdict in French, replies said to be inferred', () => {
    const r = run([WHATSAPP_FR_SEASON, '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Vous avez une vraie communauté');
    expect(r.stdout).toContain('déduites de l’ordre des messages');
  });

  it('a short WhatsApp export: too few guessed replies to judge, said in French; a phone number used as a name is never printed', () => {
    const r = run([WHATSAPP_FR, '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pas assez de données pour juger');
    expect(r.stdout).toMatch(/devinées d’après l’ordre des messages/);
    expect(r.stdout).not.toMatch(/\+33 6 12/);
    expect(run([WHATSAPP_FR, '--format', 'json']).stdout).not.toMatch(/\+33 6 12/);
  });

  it('a DiscordChatExporter JSON: a community, the Team role as the brand', () => {
    const r = json([DISCORD]);
    expect(r.input.sources.map((s) => s.format)).toEqual(['discord-json']);
    expect(r.input.brand.accounts.sort()).toEqual(['Lina (Pixel Harbor)', 'Marc']);
    expect(r.verdict.level).toBe('community');
  });

  it('several platforms at once: one audit, a line per platform', () => {
    const r = run([SLACK_ZIP, WHATSAPP_FR, DISCORD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('By platform:');
    expect(r.stdout).toMatch(/· whatsapp: 41 messages from 12 authors/);
    expect(r.stdout).toMatch(/· slack: 38 messages from 11 authors/);
    expect(r.stdout).toMatch(/· discord: 51 messages from 12 authors/);
    // roles where the exports give them (Discord, Slack), the WhatsApp group's founder detected and said so
    const report = json([SLACK_ZIP, WHATSAPP_FR, DISCORD]);
    expect(report.input.brand.method).toBe('roles');
    expect(report.input.brand.accounts).toContain('Camille (whatsapp)');
    expect(report.input.brand.accounts).toContain('Marc (discord)');
    expect(report.input.brand.note?.text).toMatch(/brand account assumed: Camille \(whatsapp\)/);
  });

  it('an Excel workbook in French: the same verdict as its CSV, the sheet without comments named', () => {
    // a path relative to the project, so that lines wrap the same wherever it is cloned
    const r = run(['fixtures/formats/xlsx/linkedin-comments.xlsx', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Prêt·e à passer de l’audience à la communauté');
    const flat = r.stdout.replace(/[ \n]+/g, ' ');
    expect(flat).toMatch(/linkedin-comments\.xlsx\u202f: xlsx, 326 lignes lues, 0 ignorées/);
    expect(flat).toMatch(/la feuille «\u202fRésumé\u202f» n’a pas de colonnes auteur, date et texte\u202f; mise de côté/);
    const fromCsv = json([join(ROOT, 'fixtures', 'linkedin-ready', 'comments.csv')]);
    const report = run([XLSX, '--format', 'json']);
    expect(report.code).toBe(0);
    const fromXlsx = JSON.parse(report.stdout) as typeof fromCsv;
    expect(fromXlsx.input.sources.map((s) => s.format)).toEqual(['xlsx']);
    expect(fromXlsx.verdict).toEqual(fromCsv.verdict);
  });

  it('a folder given as a path (an unzipped Slack export)', () => {
    expect(json([join(FIXTURES, 'slack', 'lumen-early-users')]).input.sources.map((s) => s.format)).toEqual(['slack']);
  });
});

describe('errors people can act on', () => {
  it('a truncated archive', () => {
    expectInputError(run([join(TMP, 'slack-export.zip')]), /slack-export\.zip looks like a zip archive but cannot be opened .* cut short/);
  });

  it('an archive of another kind, renamed .zip', () => {
    expectInputError(run([join(TMP, 'export.zip')]), /export\.zip is a 7-Zip archive, which community-audit does not open/);
  });

  it('an Excel workbook cut short', () => {
    expectInputError(run([join(TMP, 'cut.xlsx')]), /cut\.xlsx looks like a zip archive but cannot be opened .* cut short/);
  });

  it('an old Excel .xls workbook: what to save it as, in French', () => {
    expectInputError(run([join(TMP, 'comments.xls'), '--lang', 'fr']), /comments\.xls est un classeur Excel 97-2003 \(\.xls\), que community-audit ne lit pas\. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le en \.xlsx/);
  });

  it('a file that is not text, named in the reader’s language', () => {
    expectInputError(run([join(TMP, 'report.pdf'), '--lang', 'fr']), /report\.pdf n’est pas un fichier texte \(on dirait un document PDF\)/);
    expectInputError(run([join(TMP, 'report.pdf')]), /report\.pdf is not a text file \(it looks like a PDF document\)/);
  });

  it('a JSON file of an unknown shape', () => {
    expectInputError(run([join(TMP, 'mystery.json')]), /mystery\.json is JSON, but not an export community-audit knows \(keys found: data, who, what, version\)/);
  });

  it('a JSON export cut short', () => {
    expectInputError(run([join(TMP, 'cut.json')]), /cut\.json ends too early/);
  });

  it('a WhatsApp date format that is not recognized, in French', () => {
    expectInputError(run([join(FIXTURES, 'whatsapp', 'unknown-date-format.txt'), '--lang', 'fr']), /le format de date de cet export WhatsApp n’est pas reconnu/);
  });

  it('an unknown --input-format', () => {
    expectInputError(run([DISCORD, '--input-format', 'myspace']), /--input-format myspace is not a format community-audit reads\. Formats: csv, discord-json/);
  });
});
