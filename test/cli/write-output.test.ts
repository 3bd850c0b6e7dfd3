/**
 * --out: the report goes to a temporary file beside the target, then is renamed. Never over
 * an input (whatever path leads to it), nothing left behind when writing fails.
 */
import { accessSync, chmodSync, constants, copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, INJECT_FS, STACK_TRACE, runCli, tempDir } from '../helpers/spawn-cli.js';

const COMMENTS = join(FIXTURES, 'tiny-insufficient', 'comments.csv');
const MEMBERS = join(FIXTURES, 'tiny-insufficient', 'members.csv');

let tmp: ReturnType<typeof tempDir>;
let input: string;
let members: string;
beforeEach(() => {
  tmp = tempDir('ca-out-');
  input = join(tmp.dir, 'comments.csv');
  members = join(tmp.dir, 'members.csv');
  copyFileSync(COMMENTS, input);
  copyFileSync(MEMBERS, members);
});
afterEach(() => tmp.remove());

const inject = (rules: { op: string; match: string; code: string; partial?: boolean }[]) => ({ node: ['--import', INJECT_FS], env: { CA_INJECT_FS: JSON.stringify(rules) } });
const listing = (dir: string) => readdirSync(dir).sort();

function expectRefusal(run: Awaited<ReturnType<typeof runCli>>, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stdout).toBe('');
}

describe('--out writes atomically', () => {
  it('writes the report, and only the report, leaving no temporary file', async () => {
    const out = join(tmp.dir, 'audit.json');
    const run = await runCli([input, '-m', members, '--format', 'json', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
    expect(listing(tmp.dir)).toEqual(['audit.json', 'comments.csv', 'members.csv']);
  });

  it('replaces an existing report in one step', async () => {
    const out = join(tmp.dir, 'audit.txt');
    writeFileSync(out, 'last week’s report');
    const run = await runCli([input, '--out', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^Audience or community\?/);
    expect(listing(tmp.dir)).toEqual(['audit.txt', 'comments.csv', 'members.csv']);
  });
});

describe('--out never writes over an input', () => {
  const cases: [string, () => { out: string; cwd?: string }][] = [
    ['the same path', () => ({ out: input })],
    ['a relative path from elsewhere', () => (mkdirSync(join(tmp.dir, 'sub')), { out: '../comments.csv', cwd: join(tmp.dir, 'sub') })],
    ['a path through ..', () => (mkdirSync(join(tmp.dir, 'sub')), { out: join(tmp.dir, 'sub', '..', 'comments.csv') })],
    ['a symlink to the input', () => (symlinkSync(input, join(tmp.dir, 'link.csv')), { out: join(tmp.dir, 'link.csv') })],
    ['a hard link to the input', () => (linkSync(input, join(tmp.dir, 'hard.csv')), { out: join(tmp.dir, 'hard.csv') })],
    ['the --members file', () => ({ out: members })],
  ];
  for (const [what, setup] of cases) {
    it(`refuses ${what}, and the input is unchanged`, async () => {
      const before = readFileSync(input);
      const membersBefore = readFileSync(members);
      const { out, cwd } = setup();
      const names = listing(tmp.dir);
      const run = await runCli([input, '-m', members, '--format', 'json', '--out', out], cwd ? { cwd } : {});
      expectRefusal(run, /--out .* is one of the inputs: refusing to write over it\. Choose another file\./);
      expect(readFileSync(input).equals(before)).toBe(true);
      expect(readFileSync(members).equals(membersBefore)).toBe(true);
      expect(listing(tmp.dir)).toEqual(names);
    });
  }

  it('refuses through a symlinked folder', async () => {
    symlinkSync(tmp.dir, join(tmp.dir, 'alias'));
    const run = await runCli([input, '--out', join(tmp.dir, 'alias', 'comments.csv')]);
    expectRefusal(run, /is one of the inputs/);
  });
});

describe('--out leaves nothing behind when it cannot write', () => {
  it('into a folder that does not exist: says so before reading anything', async () => {
    const out = join(tmp.dir, 'missing', 'audit.json');
    const run = await runCli([input, '--out', out]);
    expectRefusal(run, /cannot write .*audit\.json: the folder .*missing does not exist\. Create it/);
    expect(listing(tmp.dir)).toEqual(['comments.csv', 'members.csv']);
  });

  it('onto a folder', async () => {
    mkdirSync(join(tmp.dir, 'reports'));
    const run = await runCli([input, '--out', join(tmp.dir, 'reports')]);
    expectRefusal(run, /cannot write .*reports: it is a folder\. Give --out a file name/);
    expect(listing(join(tmp.dir, 'reports'))).toEqual([]);
  });

  it('into a read-only place (a real one where the system denies it, else injected)', async () => {
    const ro = join(tmp.dir, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    let denied = true;
    try {
      accessSync(ro, constants.W_OK);
      denied = false;
    } catch {
      /* denied for real */
    }
    const run = await runCli([input, '--out', join(ro, 'audit.txt')], denied ? {} : inject([{ op: 'writeFile', match: 'read-only', code: 'EROFS' }]));
    chmodSync(ro, 0o755);
    expectRefusal(run, /cannot write .*audit\.txt: permission denied or read-only place/);
    expect(listing(ro)).toEqual([]);
  });

  it('when the disk is full halfway (injected ENOSPC)', async () => {
    const run = await runCli([input, '--out', join(tmp.dir, 'audit.txt')], inject([{ op: 'writeFile', match: 'audit.txt', code: 'ENOSPC', partial: true }]));
    expectRefusal(run, /cannot write .*audit\.txt: the disk is full/);
    expect(listing(tmp.dir)).toEqual(['comments.csv', 'members.csv']);
  });

  it('when the final rename fails, the temporary file is removed and the old report kept', async () => {
    const out = join(tmp.dir, 'audit.txt');
    writeFileSync(out, 'last week’s report');
    const run = await runCli([input, '--out', out], inject([{ op: 'rename', match: 'audit.txt', code: 'EIO' }]));
    expectRefusal(run, /cannot write .*audit\.txt: EIO\. Nothing was written/);
    expect(readFileSync(out, 'utf8')).toBe('last week’s report');
    expect(listing(tmp.dir)).toEqual(['audit.txt', 'comments.csv', 'members.csv']);
  });
});
