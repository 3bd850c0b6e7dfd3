/**
 * Determinism (DESIGN §7): the same inputs and flags give the same JSON, byte for byte,
 * across runs and across row order, the generation time aside. Run on every fixture folder,
 * with its rows shuffled into a temporary copy (same file names, same encoding).
 *
 * Line numbers are where a row sits in the file: they move with the rows, so they are the
 * one thing compared apart (every `line` field, and "line N" in sentences).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, FIXTURES, runCli, tempDir } from '../helpers/spawn-cli.js';

const tmp = tempDir('ca-determinism-');
afterAll(() => tmp.remove());

const folders = [
  ...readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'comments.csv')))
    .map((d) => join(FIXTURES, d.name)),
  join(CORPUS, 'privacy'),
];

/** The records of a CSV as bytes, split at line ends outside quotes: works for any ASCII-compatible encoding. */
function records(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a && !quoted) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(Buffer.concat([bytes.subarray(start), Buffer.from(bytes.includes(0x0d) ? '\r\n' : '\n')]));
  return out;
}

function shuffled(file: string, seed: number): Buffer {
  const [header, ...rows] = records(readFileSync(file));
  let a = seed;
  const random = () => ((a = (a * 1103515245 + 12345) >>> 0), a / 2 ** 32);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return Buffer.concat([header!, ...rows]);
}

function comparable(json: string, keepLines: boolean): unknown {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return keepLines ? v : v.replace(/\b(line|ligne) \d+/g, '$1 N');
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'generatedAt' && (keepLines || k !== 'line')).map(([k, x]) => [k, walk(x)]));
  };
  return walk(JSON.parse(json));
}

describe.concurrent('determinism', () => {
  for (const folder of folders) {
    const name = folder.split('/').pop()!;
    const hasMembers = existsSync(join(folder, 'members.csv'));
    for (const flags of [['--format', 'json'], ['--format', 'json', '--anonymize', '--lang', 'fr']]) {
      it(`${[name, ...flags.slice(2)].join(' ')}: the same JSON across runs and across row order`, async () => {
        const args = ['comments.csv', ...(hasMembers ? ['-m', 'members.csv'] : []), ...flags];
        const first = await runCli(args, { cwd: folder });
        const second = await runCli(args, { cwd: folder });
        expect(first.code).toBe(0);
        // across runs: byte for byte, once the generation time is set aside
        const withoutTime = (s: string) => s.replace(/"generatedAt": "[^"]*"/, '"generatedAt": ""');
        expect(withoutTime(second.stdout)).toBe(withoutTime(first.stdout));

        // across row order: the same file names, rows in another order
        const dir = join(tmp.dir, `${name}-${flags.length}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'comments.csv'), shuffled(join(folder, 'comments.csv'), 7));
        if (hasMembers) writeFileSync(join(dir, 'members.csv'), shuffled(join(folder, 'members.csv'), 11));
        expect(readFileSync(join(dir, 'comments.csv')).equals(readFileSync(join(folder, 'comments.csv')))).toBe(false);
        const reordered = await runCli(args, { cwd: dir });
        expect(reordered.code).toBe(0);
        expect(comparable(reordered.stdout, false)).toEqual(comparable(first.stdout, false));
      });
    }
  }

  it('a copy of the same file gives the same bytes, line numbers included', async () => {
    const folder = join(FIXTURES, 'slack-community');
    copyFileSync(join(folder, 'comments.csv'), join(tmp.dir, 'comments.csv'));
    const a = await runCli(['comments.csv', '--format', 'json'], { cwd: folder });
    const b = await runCli(['comments.csv', '--format', 'json'], { cwd: tmp.dir });
    expect(comparable(b.stdout, true)).toEqual(comparable(a.stdout, true));
  });
});
