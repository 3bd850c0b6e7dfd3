import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixture, run } from './helpers/cli.js';
import { tempDir } from './helpers/files.js';

const tmp = tempDir();
const slack = [fixture('slack-community', 'comments.csv'), '--members', fixture('slack-community', 'members.csv')];

/** No stack trace ever reaches a user for an input problem. */
function noStack(s: string) {
  expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(s).not.toMatch(/Error: /);
}

describe('the audit command', () => {
  it('prints the verdict first, then why, what to do, and the signals', () => {
    const r = run(slack);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('You have a real community');
    expect(r.stdout.indexOf('Why')).toBeLessThan(r.stdout.indexOf('What to do next'));
    expect(r.stdout).toMatch(/Members answer each other/);
    expect(r.stderr).toBe('');
  });

  it('speaks French when asked, and when the locale is French', () => {
    const byFlag = run([...slack, '--lang', 'fr']);
    expect(byFlag.stdout).toMatch(/Vous avez une vraie communauté/);
    const byLocale = run(slack, { env: { LANG: 'fr_FR.UTF-8' } });
    expect(byLocale.stdout).toBe(byFlag.stdout);
  });

  it('prints JSON that validates against `community-audit schema`', () => {
    const schema = JSON.parse(run(['schema']).stdout);
    const r = run([...slack, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.verdict.level).toBe('community');
  });

  it('reads stdin with "-"', () => {
    const r = run(['-', '--format', 'json'], { input: readFileSync(fixture('instagram-audience', 'comments.csv')) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verdict.level).toBe('audience');
  });

  it('writes --out atomically and leaves no temporary file', () => {
    const out = `${tmp.dir}/report.json`;
    const r = run([...slack, '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).verdict.level).toBe('community');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write the report over an input', () => {
    const members = tmp.file('members.csv', readFileSync(fixture('slack-community', 'members.csv')));
    const r = run([fixture('slack-community', 'comments.csv'), '--members', members, '--out', members]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write over it/);
    expect(readFileSync(members, 'utf8')).toMatch(/^member_id,name,role/);
  });
});

describe('pipes', () => {
  it('a reader that stops early (| head) gets no error and no stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('./helpers/cli.js');
    const r = spawnSync('bash', ['-c', `node "${BIN}" ${slack.join(' ')} --format json | true`], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('thresholds for CI', () => {
  it('exits 1 when the score is under --fail-under, 0 when above', () => {
    const low = run([fixture('instagram-audience', 'comments.csv'), '--fail-under', '50', '--quiet']);
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/below --fail-under 50/);
    expect(run([...slack, '--fail-under', '50']).code).toBe(0);
  });

  it('exits 1 on --fail-on audience for an audience, and --fail-on ready for anything short of a community', () => {
    expect(run([fixture('instagram-audience', 'comments.csv'), '--fail-on', 'audience']).code).toBe(1);
    expect(run([fixture('linkedin-ready', 'comments.csv'), '--fail-on', 'audience']).code).toBe(0);
    expect(run([fixture('linkedin-ready', 'comments.csv'), '--fail-on', 'ready']).code).toBe(1);
    expect(run([...slack, '--fail-on', 'ready']).code).toBe(0);
  });

  it('exits 3 when there is too little data to judge a threshold', () => {
    const r = run([fixture('tiny-insufficient', 'comments.csv'), '--fail-under', '10']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not enough data/);
  });
});

describe('bad usage and unusable input: exit 2, one clear paragraph, no stack trace', () => {
  it('a missing file', () => {
    const r = run(['nope/comments.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read nope\/comments\.csv: the file does not exist/);
    noStack(r.stderr);
  });

  it('a CSV without an author column names the headers it found and the --map to use', () => {
    const file = tmp.file('no-author.csv', 'Quand,Texte\n2025-01-01,Bonjour\n');
    const r = run([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-author\.csv: no column for author/);
    expect(r.stderr).toMatch(/Columns found: "Quand", "Texte"/);
    expect(r.stderr).toMatch(/--map author=/);
    noStack(r.stderr);
  });

  it('a PNG renamed .csv', () => {
    const file = tmp.file('photo.csv', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(300, 7)]));
    const r = run([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/photo\.csv is not a text file \(it looks like a PNG image\)/);
    noStack(r.stderr);
  });

  it('an unknown option or a bad value', () => {
    expect(run([...slack, '--nope']).code).toBe(2);
    const bad = run([...slack, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/pdf/);
    expect(run([...slack, '--map', 'nothing']).code).toBe(2);
    expect(run([...slack, '--since', 'yesterday']).code).toBe(2);
  });

  it('no file at all', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no file to audit/);
  });

  it('--help lists every option and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--members', '--brand', '--format', '--out', '--lang', '--since', '--until', '--input-format', '--platform', '--map', '--date-format', '--fail-under', '--fail-on', '--no-color', '--quiet', '--verbose']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toMatch(/Exit codes/);
  });
});

describe('the fixtures get their verdicts', () => {
  const expected: Record<string, string> = {
    'instagram-audience': 'audience',
    'linkedin-ready': 'ready',
    'slack-community': 'community',
    'tiny-insufficient': 'insufficient-data',
  };
  it.each(Object.entries(expected))('%s → %s', (name, level) => {
    expect(existsSync(fixture(name, 'comments.csv'))).toBe(true);
    const r = run([fixture(name, 'comments.csv'), '--members', fixture(name, 'members.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verdict.level).toBe(level);
  });
});
