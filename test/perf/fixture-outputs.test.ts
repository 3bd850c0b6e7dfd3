/**
 * "Nothing changes but the speed": the JSON report of every fixture, byte for byte
 * (`generatedAt` aside), against the outputs recorded before the loader and the derived
 * indexes were optimized. Any change in a number, an excerpt, an id or an ordering fails.
 *
 * When a change of behaviour is intended (a new detector, a new field), regenerate the
 * recorded outputs and review the diff:
 *
 *   npm run build && npx vitest run test/perf/fixture-outputs.test.ts -u
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = readdirSync(join(root, 'fixtures'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, 'fixtures', e.name, 'comments.csv')))
  .map((e) => e.name)
  .sort();

function auditJson(args: string[]): string {
  const r = spawnSync(process.execPath, ['bin/community-audit.js', ...args, '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', LANG: 'C', LC_ALL: '' },
  });
  expect(r.stderr.includes('Error') ? r.stderr : '').toBe('');
  expect(r.status).toBe(0);
  const report = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(typeof report.generatedAt).toBe('string');
  delete report.generatedAt;
  return JSON.stringify(report, null, 2) + '\n';
}

describe('fixture reports are unchanged by the optimizations', () => {
  it('has fixtures to compare', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
  });
  for (const name of fixtures) {
    const comments = `fixtures/${name}/comments.csv`;
    const members = `fixtures/${name}/members.csv`;
    for (const lang of ['en', 'fr']) {
      it(`${name} with its member file (${lang})`, async () => {
        const json = auditJson([comments, '--members', members, '--lang', lang]);
        await expect(json).toMatchFileSnapshot(`./outputs/${name}.members.${lang}.json`);
      });
    }
    it(`${name} without a member file (brand detected)`, async () => {
      const json = auditJson([comments, '--lang', 'en']);
      await expect(json).toMatchFileSnapshot(`./outputs/${name}.en.json`);
    });
  }
});
