/**
 * The privacy sweep: every fixture folder (fixtures/* and the hostile one of the corpus), in
 * every output format the command line accepts, with and without --anonymize. No e-mail
 * address or phone number of the input is ever printed; with --anonymize, no name either.
 * The folders and the formats are read, not listed: a fixture or a format added later is
 * swept too.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/cli/commands/audit.js';
import { loadDataset, openFile } from '../../src/load/index.js';
import { decodeHead, detectEncoding } from '../../src/load/read.js';
import { CORPUS, FIXTURES, runCli } from '../helpers/spawn-cli.js';

const folders = [
  ...readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'comments.csv')))
    .map((d) => join(FIXTURES, d.name)),
  join(CORPUS, 'privacy'),
];

/** Any e-mail address, as loosely as a reader would see one. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

/** The contacts written in a file, found independently of the code under test: addresses, and runs of 9+ digits that are phone-shaped. */
function contactsIn(file: string): { emails: string[]; phones: string[] } {
  const bytes = readFileSync(file);
  const text = decodeHead(bytes, detectEncoding(bytes));
  const emails = [...text.matchAll(new RegExp(EMAIL, 'gu'))].map((m) => m[0]);
  const phones = [...text.matchAll(/(?:\+|\b0|\()[\d ().\-]{8,}\d/g)]
    .map((m) => m[0].trim())
    .filter((p) => p.replace(/\D/g, '').length >= 9 && !/^\d{4}-\d{2}-\d{2}/.test(p) && !/^\d{9,}$/.test(p.replace(/^0+/, '')));
  return { emails: [...new Set(emails)], phones: [...new Set(phones)] };
}

/** Every name the tool knows from the folder: authors (names and keys) and members (names and ids). */
async function namesIn(folder: string): Promise<string[]> {
  const members = join(folder, 'members.csv');
  const ds = await loadDataset([await openFile(join(folder, 'comments.csv'))], { map: {}, lang: 'en' }, existsSync(members) ? await openFile(members) : undefined);
  const names = [...ds.authors.flatMap((a) => [a.name, a.key]), ...ds.members.flatMap((m) => [m.name ?? '', m.id ?? ''])];
  // three characters at least (shorter ones are inside ordinary words), and not only digits
  // (an account numbered 100 cannot be told from a score of 100)
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3 && !/^\d+$/.test(n)))];
}

function wholeWord(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu');
}

describe.concurrent('privacy sweep', () => {
  it('sweeps every fixture folder and every output format', () => {
    expect(folders.length).toBeGreaterThanOrEqual(5);
    expect(OUTPUT_FORMATS).toContain('text');
    expect(OUTPUT_FORMATS).toContain('json');
  });

  for (const folder of folders) {
    const name = folder.split('/').slice(-1)[0]!;
    const args = ['comments.csv', ...(existsSync(join(folder, 'members.csv')) ? ['--members', 'members.csv'] : [])];
    for (const format of OUTPUT_FORMATS) {
      for (const anonymize of [false, true]) {
        it(`${name}, ${format}${anonymize ? ', --anonymize' : ''}: no contact${anonymize ? ' and no name' : ''} is printed`, async () => {
          const run = await runCli([...args, '--format', format, ...(anonymize ? ['--anonymize'] : [])], { cwd: folder });
          expect(run.code, run.stderr).toBe(0);
          const printed = run.stdout + run.stderr;
          expect(printed).not.toMatch(EMAIL);
          for (const file of ['comments.csv', 'members.csv'].filter((f) => existsSync(join(folder, f)))) {
            const { emails, phones } = contactsIn(join(folder, file));
            for (const e of emails) expect(printed).not.toContain(e);
            for (const p of phones) expect(printed).not.toContain(p);
          }
          const names = await namesIn(folder);
          const seen = names.filter((n) => wholeWord(n).test(printed));
          if (anonymize) expect(seen).toEqual([]);
          else if (format !== 'json') expect(seen.length).toBeGreaterThan(0); // the sweep would see a name if one were printed
        });
      }
    }
  }

  it('the hostile folder really puts contacts and names in the report, masked and replaced', async () => {
    const cwd = join(CORPUS, 'privacy');
    const plain = await runCli(['comments.csv', '-m', 'members.csv', '--format', 'json'], { cwd });
    expect(plain.stdout).toContain('[e-mail]');
    expect(plain.stdout).toContain('[phone]');
    expect(plain.stdout).toContain('Jean Dupont');
    const anonymized = await runCli(['comments.csv', '-m', 'members.csv', '--format', 'json', '--anonymize'], { cwd });
    expect(anonymized.stdout).toMatch(/Member [0-9A-F]{6}/);
    expect(anonymized.stdout).toMatch(/"accounts": \[\s*"Brand [0-9A-F]{6}"/);
  });

  it('--salt gives the same pseudonyms to the same people in two different exports', async () => {
    const cwd = join(CORPUS, 'privacy');
    const full = await runCli(['comments.csv', '--format', 'json', '--salt', 'weekly-ci'], { cwd });
    const since = await runCli(['comments.csv', '--format', 'json', '--salt', 'weekly-ci', '--since', '2025-02-20'], { cwd });
    const unsalted = await runCli(['comments.csv', '--format', 'json', '--anonymize', '--since', '2025-02-20'], { cwd });
    const pseudonyms = (s: string) => new Set([...s.matchAll(/"author": "((?:Member|Brand) [0-9A-F]+)"/g)].map((m) => m[1]));
    const a = pseudonyms(full.stdout);
    const b = pseudonyms(since.stdout);
    expect(b.size).toBeGreaterThan(0);
    expect([...b].filter((p) => a.has(p)).length).toBeGreaterThan(0);
    // the salt also comes from the environment, so that it stays out of shell histories and CI logs
    const fromEnv = await runCli(['comments.csv', '--format', 'json', '--anonymize', '--since', '2025-02-20'], { cwd, env: { COMMUNITY_AUDIT_SALT: 'weekly-ci' } });
    expect(pseudonyms(fromEnv.stdout)).toEqual(b);
    expect(pseudonyms(unsalted.stdout)).not.toEqual(b);
  });
});
