/**
 * The whole command-line path on arbitrary input: in-process through runCli with fake
 * terminals (fast, hundreds of cases), and through the built bin (a few dozen, to catch what
 * only a real process shows: a crash outside runCli, an endless loop, an unhandled
 * rejection). Only the documented exit codes, never a stack trace, never an internal error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/cli/commands/audit.js';
import { runCli as runInProcess } from '../../src/cli/run-cli.js';
import { AuditResult } from '../../src/model/result.js';
import { STACK_TRACE, runCli, tempDir } from '../helpers/spawn-cli.js';
import { exportBytes, fuzzParameters, within } from '../helpers/fuzz.js';

const tmp = tempDir('ca-fuzz-');
afterAll(() => tmp.remove());

const THRESHOLDS = [['--fail-under', '50'], ['--fail-on', 'audience'], ['--fail-on', 'ready']];
const flags = fc.record({
  format: fc.constantFrom(...OUTPUT_FORMATS),
  extra: fc.subarray([['--anonymize'], ['--lang', 'fr'], ['--platform', 'instagram'], ['--date-format', 'dmy'], ['--since', '2025-01-01'], ['--salt', 'x'], ['--quiet'], ['--brand', 'marie_k,Léa Martin']]),
  threshold: fc.option(fc.constantFrom(...THRESHOLDS), { nil: undefined }),
  members: fc.option(exportBytes, { nil: undefined }),
});

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function checkRun(code: number | null, stdout: string, stderr: string, format: string, threshold: boolean) {
  expect(threshold ? [0, 1, 2, 3] : [0, 2]).toContain(code);
  expect(stderr).not.toMatch(STACK_TRACE);
  expect(stderr).not.toMatch(/internal error|erreur interne/);
  if (code === 2) {
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^community-audit[ \u202f]?: /);
    expect(stdout).toBe('');
  }
  if (code !== 2 && format === 'json') AuditResult.parse(JSON.parse(stdout));
  if (code !== 2 && format === 'text') expect(stdout).not.toMatch(CONTROL);
  expect(stderr).not.toMatch(CONTROL);
}

let n = 0;
function argsFor(f: { format: string; extra: string[][]; threshold: string[] | undefined; members: Uint8Array | undefined }): string[] {
  const args = ['-', '--format', f.format, ...f.extra.flat(), ...(f.threshold ?? [])];
  if (f.members) {
    const file = join(tmp.dir, `members-${n++}.csv`);
    writeFileSync(file, f.members);
    args.push('--members', file);
  }
  return args;
}

describe('fuzzing the command line', () => {
  it('in process: any stdin and flags give a documented exit code and a clear message', { timeout: 120_000 }, async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(exportBytes, flags, async (bytes, f) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await within(
          10_000,
          runInProcess({
            argv: argsFor(f),
            env: { LANG: 'en_US.UTF-8', FORCE_COLOR: '0' },
            stdin: Readable.from([Buffer.from(bytes)]),
            stdout: { write: (s: string) => out.push(s), isTTY: false, columns: 100 },
            stderr: { write: (s: string) => err.push(s), isTTY: false },
          }),
          'runCli',
        );
        codes.add(code);
        checkRun(code, out.join(''), err.join(''), f.format, f.threshold !== undefined);
      }),
      fuzzParameters(300),
    );
    // the inputs reach reports and refusals alike
    expect(codes).toContain(0);
    expect(codes).toContain(2);
  });

  it('the built bin: any stdin gives a documented exit code, in time', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(exportBytes, flags, async (bytes, f) => {
        const run = await runCli(argsFor(f), { stdin: Buffer.from(bytes), timeoutMs: 15_000 });
        expect(run.timedOut, 'the command did not finish in time').toBe(false);
        expect(run.signal).toBeNull();
        checkRun(run.code, run.stdout, run.stderr, f.format, f.threshold !== undefined);
      }),
      fuzzParameters(30),
    );
  });
});
