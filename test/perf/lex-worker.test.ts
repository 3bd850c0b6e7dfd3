/**
 * Large files have their texts classified on a worker thread. The report must be the same,
 * byte for byte, as when everything runs on the main thread (COMMUNITY_AUDIT_WORKERS=0).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEX_WORKER_MIN_BYTES } from '../../src/load/formats/csv.js';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'test', '.tmp', 'lex-worker');
const file = join(dir, 'comments.csv');

function audit(env: Record<string, string>): string {
  const r = spawnSync(process.execPath, ['bin/community-audit.js', file, '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env }, maxBuffer: 64 << 20 });
  expect(r.status).toBe(0);
  const report = JSON.parse(r.stdout) as Record<string, unknown>;
  delete report.generatedAt;
  return JSON.stringify(report);
}

describe('lexicon on a worker thread', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same report as the main thread alone', async () => {
    mkdirSync(dir, { recursive: true });
    const { generate } = (await import(join(root, 'bench', 'generate.js'))) as { generate(rows: number, file: string): number };
    generate(75_000, file);
    expect(statSync(file).size).toBeGreaterThanOrEqual(LEX_WORKER_MIN_BYTES);
    const withWorker = audit({});
    const alone = audit({ COMMUNITY_AUDIT_WORKERS: '0' });
    expect(withWorker).toBe(alone);
    expect(JSON.parse(withWorker).input.messages).toBe(75_000);
  }, 120_000);
});
